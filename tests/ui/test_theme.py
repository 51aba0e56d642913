"""State colours pass WCAG AA (4.5:1) against their own background in every theme."""

from __future__ import annotations

import pytest

from app.ui.theme import THEMES, contrast_ratio


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_state_colours_meet_aa(theme: str) -> None:
    ratios = {
        key: round(contrast_ratio(s.foreground, s.background), 2)
        for key, s in THEMES[theme].items()
    }
    assert set(ratios) == {"open", "closing", "closed", "always", "unknown"}
    assert all(r >= 4.5 for r in ratios.values()), ratios


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
