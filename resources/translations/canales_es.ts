<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source> (and %1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
    <message>
        <source>The configuration file could not be used; showing the default: %1</source>
        <translation>No se pudo usar el archivo de configuración; se muestra la configuración predeterminada: %1</translation>
    </message>
    <message>
        <source>The new configuration was not applied; still showing the last good one: %1</source>
        <translation>La nueva configuración no se aplicó; se sigue mostrando la última válida: %1</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>No se guardaron las preferencias: %1</translation>
    </message>
    <message>
        <source>Shared file unavailable since %1; showing the last known copy</source>
        <translation>Archivo compartido no disponible desde %1; se muestra la última copia conocida</translation>
    </message>
    <message>
        <source>Shared file unavailable since %1; showing the default configuration</source>
        <translation>Archivo compartido no disponible desde %1; se muestra la configuración predeterminada</translation>
    </message>
    <message>
        <source>The configuration file %1 no longer exists; still showing the last one loaded</source>
        <translation>El archivo de configuración %1 ya no existe; se sigue mostrando la última cargada</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Escalation ladder</source>
        <translation>Niveles de escalamiento</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Vista semanal</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>No channel matches “%1”</source>
        <translation>Ningún canal coincide con «%1»</translation>
    </message>
</context>
<context>
    <name>ChannelCard</name>
    <message>
        <source>Notify me when this channel opens or is about to close</source>
        <translation>Avisarme cuando este canal abra o esté por cerrar</translation>
    </message>
    <message>
        <source>Notify about %1</source>
        <translation>Avisar sobre %1</translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>IVR: %1</source>
        <translation>IVR: %1</translation>
    </message>
    <message>
        <source>Extensions:</source>
        <translation>Extensiones:</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>Copiar «%1»</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Puts it on the clipboard</source>
        <translation>Lo pone en el portapapeles</translation>
    </message>
    <message>
        <source>Copy extension %1</source>
        <translation>Copiar extensión %1</translation>
    </message>
    <message>
        <source>Opens the phone application</source>
        <translation>Abre la aplicación de llamadas</translation>
    </message>
    <message>
        <source>Opens the email application</source>
        <translation>Abre la aplicación de correo</translation>
    </message>
    <message>
        <source>Opens the page in the web browser</source>
        <translation>Abre la página en el navegador</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>Escalation ladder</source>
        <translation>Niveles de escalamiento</translation>
    </message>
    <message>
        <source>then</source>
        <translation>luego</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>tomorrow %1</source>
        <translation>mañana %1</translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation>en %1 d %2 h</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>en %1 h</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>en %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>en %1 min</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>cierra %1</translation>
    </message>
    <message>
        <source>opens %1</source>
        <translation>abre %1</translation>
    </message>
    <message>
        <source>Hours not published</source>
        <translation>Horario no publicado</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>24/7</translation>
    </message>
    <message>
        <source>Closing soon</source>
        <translation>Cierra pronto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>closed on holidays</source>
        <translation>cerrado en festivos</translation>
    </message>
    <message>
        <source>no opening hours</source>
        <translation>sin horario de atención</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Support centre time %1</source>
        <translation>Hora del centro de soporte %1</translation>
    </message>
    <message>
        <source>Date and time zone of the support centre</source>
        <translation>Fecha y zona horaria del centro de soporte</translation>
    </message>
    <message>
        <source>Your time: %1 %2</source>
        <translation>Su hora: %1 %2</translation>
    </message>
    <message>
        <source>Today is a holiday: %1</source>
        <translation>Hoy es festivo: %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hoy: %1</translation>
    </message>
    <message>
        <source>%1: hours %2</source>
        <translation>%1: horario %2</translation>
    </message>
    <message>
        <source>%1: no service hours today</source>
        <translation>%1: hoy sin horario de atención</translation>
    </message>
</context>
<context>
    <name>LevelBox</name>
    <message>
        <source>Level %1</source>
        <translation>Nivel %1</translation>
    </message>
    <message>
        <source>Hours not published</source>
        <translation>Horario no publicado</translation>
    </message>
    <message>
        <source>Escalation level %1: %2</source>
        <translation>Nivel de escalamiento %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Canales — support channels</source>
        <translation>Canales — canales de soporte</translation>
    </message>
    <message>
        <source>Filter by name, number or email (Ctrl+F)</source>
        <translation>Filtrar por nombre, número o correo (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter channels and contacts</source>
        <translation>Filtrar canales y contactos</translation>
    </message>
    <message>
        <source>Loading the configuration…</source>
        <translation>Cargando la configuración…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Week view</source>
        <translation>Vista &amp;semanal</translation>
    </message>
    <message>
        <source>&amp;Compact mode</source>
        <translation>Modo &amp;compacto</translation>
    </message>
    <message>
        <source>Always on &amp;top</source>
        <translation>Siempre &amp;visible</translation>
    </message>
    <message>
        <source>Close to t&amp;ray</source>
        <translation>Cerrar a la &amp;bandeja</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <source>Copy &amp;format</source>
        <translation>&amp;Formato de copia</translation>
    </message>
    <message>
        <source>National digits (6017442727)</source>
        <translation>Dígitos nacionales (6017442727)</translation>
    </message>
    <message>
        <source>International E.164 (+576017442727)</source>
        <translation>Internacional E.164 (+576017442727)</translation>
    </message>
    <message>
        <source>Dial string with IVR pauses (+576017442727,,2,,4)</source>
        <translation>Marcación con pausas del IVR (+576017442727,,2,,4)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>As in the configuration</source>
        <translation>Según la configuración</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copiado: %1</translation>
    </message>
    <message>
        <source>Link not opened (not allowed): %1</source>
        <translation>Enlace no abierto (no permitido): %1</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN de supervisor</translation>
    </message>
    <message>
        <source>Enter the supervisor PIN to change the settings.</source>
        <translation>Ingrese el PIN de supervisor para cambiar la configuración.</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>Estado del PIN</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Wait %1 s before trying again.</source>
        <translation>Espere %1 s antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>Settings are locked: the supervisor PIN file cannot be used. Ask IT. (%1)</source>
        <translation>La configuración está bloqueada: no se puede usar el archivo del PIN de supervisor. Consulte a TI. (%1)</translation>
    </message>
</context>
<context>
    <name>RecommendStrip</name>
    <message>
        <source>Use now:</source>
        <translation>Usar ahora:</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>Tipo de solicitud</translation>
    </message>
    <message>
        <source>The channel recommended below is for this kind of request</source>
        <translation>El canal recomendado es para este tipo de solicitud</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>No channel for this request is open now</source>
        <translation>Ningún canal para esta solicitud está abierto ahora</translation>
    </message>
    <message>
        <source>also: %1</source>
        <translation>también: %1</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recomendado: %1</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>Copiar «%1»</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Canales</source>
        <translation>Mostrar Canales</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> y %1 más</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Abiertos: %1</translation>
    </message>
    <message>
        <source>Nothing open</source>
        <translation>Nada abierto</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Cerrados: %1</translation>
    </message>
    <message>
        <source>%1 is open now</source>
        <translation>%1 ya está abierto</translation>
    </message>
    <message>
        <source>%1 closes soon</source>
        <translation>%1 cierra pronto</translation>
    </message>
    <message>
        <source>%1 has closed</source>
        <translation>%1 cerró</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Week view</source>
        <extracomment>WCAG 2.1: 3:1 for graphical objects (bars, lines), 4.5:1 for normal text (AA).</extracomment>
        <translation>Vista semanal</translation>
    </message>
    <message>
        <source>Level {level} · {name}</source>
        <translation>Nivel {level} · {name}</translation>
    </message>
    <message>
        <source>Open hours from {first} to {last}.</source>
        <translation>Horario de atención del {first} al {last}.</translation>
    </message>
    <message>
        <source>open 24/7</source>
        <translation>abierto 24/7</translation>
    </message>
    <message>
        <source>closed all these days</source>
        <translation>cerrado todos estos días</translation>
    </message>
    <message>
        <source>No hours to show</source>
        <translation>Sin horario que mostrar</translation>
    </message>
    <message>
        <source>Open 24/7</source>
        <translation>Abierto 24/7</translation>
    </message>
</context>
</TS>
