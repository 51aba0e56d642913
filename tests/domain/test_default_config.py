"""The embedded default reproduces the seed page, with the ids DESIGN.md makes a contract."""

from __future__ import annotations

from app.core.phrases import hours_summary
from app.domain.contacts import dial_string, ivr_text, phone_display
from app.domain.model import Config, EmailContact, PhoneContact, WebContact


def test_channel_ids_and_order_are_the_contract(default_config: Config) -> None:
    assert [c.id for c in default_config.channels] == [
        "phone-main",
        "phone-critical",
        "email",
        "chat",
        "pqrsa",
    ]


def test_centre_settings(default_config: Config) -> None:
    assert default_config.timezone == "America/Bogota"
    assert default_config.holiday_country == "CO"
    assert default_config.closing_soon_minutes == 15
    assert default_config.organisation.language == "es"
    assert default_config.organisation.tagline.startswith("Hacemos la vida más fácil")


def test_hours_follow_the_seed(default_config: Config) -> None:
    summary = {
        c.id: hours_summary(default_config.schedule(c.schedule), "es")
        for c in default_config.channels
    }
    business = "lun–vie 7:00–19:00 · sáb 8:00–13:00 · cerrado en festivos"
    assert summary == {
        "phone-main": business,
        "phone-critical": "24/7",
        "email": business,
        "chat": business,
        "pqrsa": "lun–vie 7:00–17:00 · cerrado en festivos",
    }


def test_contacts_follow_the_seed(default_config: Config) -> None:
    main = default_config.channel("phone-main").contacts[0]
    assert isinstance(main, PhoneContact)
    assert phone_display(main) == "+57 601 7442727"
    assert dial_string(main) == "+576017442727,,2,,4"
    assert ivr_text(main) == "marque 2 → 4"
    critical = default_config.channel("phone-critical").contacts[0]
    assert isinstance(critical, PhoneContact)
    assert phone_display(critical) == "+57 318 7174937"
    email = default_config.channel("email").contacts[0]
    assert isinstance(email, EmailContact)
    assert email.address == "soporte.certigestor@certicamara.com"
    chat = default_config.channel("chat").contacts
    assert chat == [
        WebContact(label="CertiChat", url="http://idealab.certicamara.com/CertiChat/chat.php")
    ]
    pqrsa = default_config.channel("pqrsa").contacts
    assert isinstance(pqrsa[0], EmailContact)
    assert pqrsa[0].address == "certicamararesponde@certicamara.com"
    assert isinstance(pqrsa[1], PhoneContact)
    assert dial_string(pqrsa[1]) == "+576017442727,,3"


def test_chat_link_is_kept_once(default_config: Config) -> None:
    urls = [
        c.url for ch in default_config.channels for c in ch.contacts if isinstance(c, WebContact)
    ]
    assert urls == ["http://idealab.certicamara.com/CertiChat/chat.php"]


def test_escalation_ladder(default_config: Config) -> None:
    ladder = default_config.escalation
    assert [(lv.level, lv.name, lv.schedule) for lv in ladder] == [
        (1, "Grupo de soporte técnico", "business"),
        (2, "Supervisor de Soporte", None),
        (3, "Coordinador de Soporte", None),
    ]
    supervisor_phone = next(c for c in ladder[1].contacts if isinstance(c, PhoneContact))
    assert supervisor_phone.extensions == ["1113", "1107", "1109", "1427"]
    coordinator_phone = next(c for c in ladder[2].contacts if isinstance(c, PhoneContact))
    assert coordinator_phone.extensions == ["1101"]
    emails = [c.address for lv in ladder for c in lv.contacts if isinstance(c, EmailContact)]
    assert emails == [
        "soporte.certigestor@certicamara.com",
        "supervisor.mesadeayuda@certicamara.com",
        "coordinador.mesadeayuda@certicamara.com",
    ]


def test_priority_one_falls_back_to_the_critical_line(default_config: Config) -> None:
    rtypes = {r.id: r for r in default_config.request_types}
    assert set(rtypes) == {"all", "priority-1", "pqrsa"}
    assert rtypes["priority-1"].fallback == "phone-critical"
    assert default_config.channel("phone-critical").schedule == "always"
    assert not default_config.schedule("always").closed_on_holidays


def test_notes_are_kept(default_config: Config) -> None:
    text = " ".join(default_config.notes)
    assert "prioridad 1" in text
    assert "(601) 7442727 opción 3" in text
    assert (
        "no están disponibles los otros canales"
        in default_config.channel("phone-critical").notes[0]
    )
