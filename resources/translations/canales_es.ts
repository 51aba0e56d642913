<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>The settings cannot be opened: %1</source>
        <translation>No se puede abrir la configuración: %1</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>No se guardaron las preferencias: %1</translation>
    </message>
    <message>
        <source>Case log exported: %1 events → %2</source>
        <translation>Registro de casos exportado: %1 eventos → %2</translation>
    </message>
    <message>
        <source>The case log was not exported: %1</source>
        <translation>No se exportó el registro de casos: %1</translation>
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
    <name>CaseExportDialog</name>
    <message>
        <source>Export the case log</source>
        <translation>Exportar el registro de casos</translation>
    </message>
    <message>
        <source>Every event of the chosen days as a CSV file (UTF-8), times on the support centre&apos;s clock, for the SLA report.</source>
        <translation>Todos los eventos de los días elegidos en un archivo CSV (UTF-8), con la hora del centro de soporte, para el informe de ANS.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>A&amp;rchivo:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>El primer día es posterior al último.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Elija el archivo al que exportar.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>No open cases. “Escalate” on a level starts one and times its answer.</source>
        <translation>No hay casos abiertos. «Escalar» en un nivel inicia uno y mide el tiempo de respuesta.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>Open cases (%1)</source>
        <translation>Casos abiertos (%1)</translation>
    </message>
</context>
<context>
    <name>CaseRow</name>
    <message>
        <source>Answered</source>
        <translation>Respondió</translation>
    </message>
    <message>
        <source>Escalate to the next level</source>
        <translation>Escalar al siguiente nivel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Recorded in the case log</source>
        <translation>Queda en el registro de casos</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>Respondió: %1</translation>
    </message>
    <message>
        <source>Close case %1</source>
        <translation>Cerrar el caso %1</translation>
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
    <message>
        <source>Copy reply</source>
        <translation>Copiar respuesta</translation>
    </message>
    <message>
        <source>Copy a reply for the customer: this channel&apos;s hours and contacts for now</source>
        <translation>Copiar una respuesta para el cliente: el horario y los contactos de este canal para este momento</translation>
    </message>
    <message>
        <source>Copy reply about %1</source>
        <translation>Copiar respuesta sobre %1</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Channels, in the order agents see them</source>
        <translation>Canales, en el orden en que los ven los agentes</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Canal nuevo</translation>
    </message>
    <message>
        <source>Channel id</source>
        <translation>Id del canal</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by special days)</source>
        <translation>minúsculas, dígitos, - o _ (lo usan los días especiales)</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Nombre del canal</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Clase</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>&amp;Serves</source>
        <translation>&amp;Atiende</translation>
    </message>
    <message>
        <source>Request types this channel serves</source>
        <translation>Tipos de solicitud que atiende este canal</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>Schedule of this channel</source>
        <translation>Horario de este canal</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Notes, one per line</source>
        <translation>Notas, una por línea</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
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
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Contact %1: %2</source>
        <translation>Contacto %1: %2</translation>
    </message>
    <message>
        <source>%1, label</source>
        <translation>%1, etiqueta</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>What agents see (optional)</source>
        <translation>Lo que ven los agentes (opcional)</translation>
    </message>
    <message>
        <source>Add: %1</source>
        <translation>Añadir: %1</translation>
    </message>
    <message>
        <source>IVR step %1, keys</source>
        <translation>Opción %1 del IVR, teclas</translation>
    </message>
    <message>
        <source>IVR step %1, meaning</source>
        <translation>Opción %1 del IVR, significado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Meaning (optional)</source>
        <translation>Significado (opcional)</translation>
    </message>
    <message>
        <source>+ IVR step</source>
        <translation>+ Opción del IVR</translation>
    </message>
    <message>
        <source>Add an IVR step to %1</source>
        <translation>Añadir una opción del IVR a %1</translation>
    </message>
    <message>
        <source>Add a menu option to press after dialling</source>
        <translation>Añadir una opción del menú que se marca después de llamar</translation>
    </message>
    <message>
        <source>Remove IVR step %1</source>
        <translation>Quitar la opción %1 del IVR</translation>
    </message>
    <message>
        <source>IVR steps</source>
        <translation>Opciones del IVR</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensiones</translation>
    </message>
    <message>
        <source>%1, extensions</source>
        <translation>%1, extensiones</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 1113, 1107</source>
        <translation>Separadas por comas, p. ej. 1113, 1107</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Subir %1</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Bajar %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>When no channel serving a request type is open in the coming days, with the settings as edited here (before saving). Holidays and special days included.</source>
        <translation>Cuándo no hay abierto ningún canal que atienda un tipo de solicitud en los próximos días, con la configuración tal como está editada aquí (antes de guardar). Incluye festivos y días especiales.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>Días hacia adelante</translation>
    </message>
    <message>
        <source>How many days from today the report covers</source>
        <translation>Cuántos días a partir de hoy abarca el informe</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Informe de cobertura</translation>
    </message>
    <message>
        <source>Periods without an open channel, per request type</source>
        <translation>Periodos sin canal abierto, por tipo de solicitud</translation>
    </message>
    <message>
        <source>The settings have problems: correct them to see the coverage.</source>
        <translation>La configuración tiene problemas: corríjalos para ver la cobertura.</translation>
    </message>
    <message>
        <source>%1 Differs from the saved configuration (not saved yet)</source>
        <translation>%1 Distinto de la configuración guardada (aún sin guardar)</translation>
    </message>
</context>
<context>
    <name>EscalationPage</name>
    <message>
        <source>Escalation</source>
        <translation>Escalamiento</translation>
    </message>
    <message>
        <source>Escalation levels, first to last</source>
        <translation>Niveles de escalamiento, del primero al último</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>Nivel nuevo</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Level name</source>
        <translation>Nombre del nivel</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>Schedule of this level</source>
        <translation>Horario de este nivel</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>No publicado</translation>
    </message>
    <message>
        <source>&amp;Response time</source>
        <translation>&amp;Tiempo de respuesta</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Notes, one per line</source>
        <translation>Notas, una por línea</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Response time of this level</source>
        <translation>Tiempo de respuesta de este nivel</translation>
    </message>
    <message>
        <source>Minutes this level has to answer an escalated case; 0: not published</source>
        <translation>Minutos que tiene este nivel para responder un caso escalado; 0: no publicado</translation>
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
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 no se pudo escribir: %2</translation>
    </message>
    <message>
        <source>Export hours</source>
        <translation>Exportar horario</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Hours exported: %1</source>
        <translation>Horario exportado: %1</translation>
    </message>
    <message>
        <source>vCard 3.0 — Outlook, phones (*.vcf)</source>
        <translation>vCard 3.0 — Outlook, teléfonos (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Exportar contactos</translation>
    </message>
    <message>
        <source>Contacts exported: %1</source>
        <translation>Contactos exportados: %1</translation>
    </message>
    <message>
        <source>Save the channel sheet as PDF</source>
        <translation>Guardar la hoja de canales como PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Channel sheet saved: %1</source>
        <translation>Hoja de canales guardada: %1</translation>
    </message>
    <message>
        <source>Channel sheet</source>
        <translation>Hoja de canales</translation>
    </message>
    <message>
        <source>Print channel sheet</source>
        <translation>Imprimir hoja de canales</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Carta (8,5 × 11 in)</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Tamaño del papel:</translation>
    </message>
    <message>
        <source>Preview of the channel sheet</source>
        <translation>Vista previa de la hoja de canales</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>(and %1 more)</source>
        <translation>(y %1 más)</translation>
    </message>
    <message>
        <source>The configuration file changed on disk after this dialog opened it (another supervisor or console saved it). Your changes were not saved.

Reload shows the version on disk and discards your changes. Overwrite saves yours; your colleague&apos;s version is kept as a backup in %1.</source>
        <translation>El archivo de configuración cambió en disco después de que este diálogo lo abrió (otro supervisor u otra consola lo guardó). Sus cambios no se guardaron.

Recargar muestra la versión del disco y descarta sus cambios. Sobrescribir guarda los suyos; la versión de su colega queda como copia en %1.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Reloading discards the changes made in this dialog. Reload?</source>
        <translation>Al recargar se descartan los cambios hechos en este diálogo. ¿Recargar?</translation>
    </message>
    <message>
        <source>The file on disk cannot be used</source>
        <translation>El archivo del disco no se puede usar</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurar copia</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Todavía no hay copias de respaldo.</translation>
    </message>
    <message>
        <source>This replaces the changes made in this dialog. Continue?</source>
        <translation>Esto reemplaza los cambios hechos en este diálogo. ¿Continuar?</translation>
    </message>
    <message>
        <source>The backup of %1 is loaded. Review it and press Save to restore it.</source>
        <translation>Se cargó la copia del %1. Revísela y pulse Guardar para restaurarla.</translation>
    </message>
    <message>
        <source>Import configuration</source>
        <translation>Importar configuración</translation>
    </message>
    <message>
        <source>Importing discards the changes made in this dialog. Continue?</source>
        <translation>Al importar se descartan los cambios hechos en este diálogo. ¿Continuar?</translation>
    </message>
    <message>
        <source>Not imported; nothing changed</source>
        <translation>No se importó; no cambió nada</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Se importó %1.</translation>
    </message>
    <message>
        <source>Export configuration</source>
        <translation>Exportar configuración</translation>
    </message>
    <message>
        <source>Export writes the saved configuration, without the changes not yet saved. Continue?</source>
        <translation>Se exporta la configuración guardada, sin los cambios que aún no se han guardado. ¿Continuar?</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
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
</context>
<context>
    <name>IntervalRows</name>
    <message>
        <source>%1, interval %2, from</source>
        <translation>%1, franja %2, desde</translation>
    </message>
    <message>
        <source>%1, interval %2, until</source>
        <translation>%1, franja %2, hasta</translation>
    </message>
    <message>
        <source>+ Interval</source>
        <translation>+ Franja</translation>
    </message>
    <message>
        <source>Add an interval to %1</source>
        <translation>Añadir una franja al %1</translation>
    </message>
    <message>
        <source>Add opening hours to %1</source>
        <translation>Añadir horas de atención al %1</translation>
    </message>
    <message>
        <source>Remove interval %2 of %1</source>
        <translation>Quitar la franja %2 del %1</translation>
    </message>
</context>
<context>
    <name>LevelBox</name>
    <message>
        <source>Level %1</source>
        <translation>Nivel %1</translation>
    </message>
    <message>
        <source>Escalation level %1: %2</source>
        <translation>Nivel de escalamiento %1: %2</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <source>Escalate a case to level %1: %2</source>
        <translation>Escalar un caso al nivel %1: %2</translation>
    </message>
    <message>
        <source>Starts a case with a ticket id and a note, timed against the response time</source>
        <translation>Inicia un caso con número de ticket y una nota, cronometrado contra el tiempo de respuesta</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Drag an item, or use Up and Down, to change the order</source>
        <translation>Arrastre un elemento, o use Subir y Bajar, para cambiar el orden</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a new item</source>
        <translation>Añadir un elemento nuevo</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Add a copy of the selected item</source>
        <translation>Añadir una copia del elemento seleccionado</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Quitar el elemento seleccionado</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move the selected item up</source>
        <translation>Subir el elemento seleccionado</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>Bajar el elemento seleccionado</translation>
    </message>
    <message>
        <source>Details of the selected item</source>
        <translation>Detalles del elemento seleccionado</translation>
    </message>
    <message>
        <source>Nothing here yet: press Add to create one.</source>
        <translation>Todavía no hay nada aquí: pulse Añadir para crear uno.</translation>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Export case log…</source>
        <translation>&amp;Exportar registro de casos…</translation>
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
        <source>Export &amp;hours…</source>
        <translation>Exportar &amp;horario…</translation>
    </message>
    <message>
        <source>The channels&apos; hours as a calendar (.ics) for Outlook, Thunderbird or a phone</source>
        <translation>El horario de los canales como calendario (.ics) para Outlook, Thunderbird o el teléfono</translation>
    </message>
    <message>
        <source>Export &amp;contacts…</source>
        <translation>Exportar c&amp;ontactos…</translation>
    </message>
    <message>
        <source>The escalation ladder and the channels as contact cards (.vcf)</source>
        <translation>La escalera de escalamiento y los canales como tarjetas de contacto (.vcf)</translation>
    </message>
    <message>
        <source>&amp;Print channel sheet…</source>
        <translation>&amp;Imprimir hoja de canales…</translation>
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
    <name>OpenCaseDialog</name>
    <message>
        <source>Escalate a case</source>
        <translation>Escalar un caso</translation>
    </message>
    <message>
        <source>e.g. INC-4512 (optional)</source>
        <translation>p. ej. INC-4512 (opcional)</translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation>Número de ticket</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>One line (optional)</source>
        <translation>Una línea (opcional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>&amp;Start case</source>
        <translation>&amp;Iniciar caso</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Nombre de la organización</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Producto</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>The product agents support (optional)</source>
        <translation>El producto al que dan soporte los agentes (opcional)</translation>
    </message>
    <message>
        <source>&amp;Tagline</source>
        <translation>&amp;Lema</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Lema</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language of the console</source>
        <translation>Idioma de la consola</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Time zone of the support centre</source>
        <translation>Zona horaria del centro de soporte</translation>
    </message>
    <message>
        <source>&amp;Holidays of</source>
        <translation>&amp;Festivos de</translation>
    </message>
    <message>
        <source>Country whose public holidays apply</source>
        <translation>País cuyos días festivos se aplican</translation>
    </message>
    <message>
        <source>&amp;Closing soon</source>
        <translation>&amp;Cierra pronto</translation>
    </message>
    <message>
        <source>Minutes before closing shown as closing soon</source>
        <translation>Minutos antes del cierre en que se muestra «Cierra pronto»</translation>
    </message>
    <message>
        <source> min before closing</source>
        <translation> min antes del cierre</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>General notes, one per line</source>
        <translation>Notas generales, una por línea</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
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
    <name>ProblemPath</name>
    <message>
        <source>Format version</source>
        <translation>Versión del formato</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Lema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>Festivos de</translation>
    </message>
    <message>
        <source>Closing-soon warning</source>
        <translation>Aviso de «Cierra pronto»</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Closed on public holidays</source>
        <translation>Cerrado los días festivos</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Channels affected</source>
        <translation>Canales afectados</translation>
    </message>
    <message>
        <source>Closed all day</source>
        <translation>Cerrado todo el día</translation>
    </message>
    <message>
        <source>Other hours</source>
        <translation>Otro horario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Atiende</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Tiempo de respuesta</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Alternativa</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Tipo de contacto</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>IVR steps</source>
        <translation>Opciones del IVR</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensiones</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contacto %1</translation>
    </message>
    <message>
        <source>IVR step %1</source>
        <translation>Opción %1 del IVR</translation>
    </message>
    <message>
        <source>Interval %1</source>
        <translation>Franja %1</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>Extensión %1</translation>
    </message>
    <message>
        <source>Note %1</source>
        <translation>Nota %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Elemento %1</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>The configuration changed on disk</source>
        <translation>La configuración cambió en disco</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Keep editing; nothing is saved</source>
        <translation>Seguir editando; no se guarda nada</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Show the version on disk; your changes are discarded</source>
        <translation>Mostrar la versión del disco; sus cambios se descartan</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Sobrescribir</translation>
    </message>
    <message>
        <source>Save your changes; your colleague&apos;s version is kept as a backup</source>
        <translation>Guardar sus cambios; la versión de su colega queda como copia de respaldo</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurar copia</translation>
    </message>
    <message>
        <source>Backups, newest first:</source>
        <translation>Copias de respaldo, la más reciente primero:</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>minisign secret key (*.key);;All files (*)</source>
        <translation>Clave secreta de minisign (*.key);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>PublishedCopy</name>
    <message>
        <source>Edit a copy</source>
        <translation>Editar una copia</translation>
    </message>
    <message>
        <source>Editing a copy in %1. Save it (signed when the policy trusts signing keys), then publish it at %2 with your organisation&apos;s own means.</source>
        <translation>Editando una copia en %1. Guárdela (firmada cuando la política confía en claves de firma) y luego publíquela en %2 con los medios de su organización.</translation>
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
        <source>Copy &amp;reply</source>
        <translation>Copiar &amp;respuesta</translation>
    </message>
    <message>
        <source>Copy a reply for the customer about the channel to use for this request (Alt+R)</source>
        <translation>Copiar una respuesta para el cliente sobre el canal que conviene para esta solicitud (Alt+R)</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Copiar respuesta</translation>
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
    <name>RepliesPage</name>
    <message>
        <source>Closed for a holiday</source>
        <translation>Cerrado por festivo</translation>
    </message>
    <message>
        <source>Closed for a special day</source>
        <translation>Cerrado por día especial</translation>
    </message>
    <message>
        <source>Channel open</source>
        <translation>Canal abierto</translation>
    </message>
    <message>
        <source>Channel closing soon</source>
        <translation>Canal por cerrar</translation>
    </message>
    <message>
        <source>Channel closed</source>
        <translation>Canal cerrado</translation>
    </message>
    <message>
        <source>Channel open 24/7</source>
        <translation>Canal abierto 24/7</translation>
    </message>
    <message>
        <source>No opening hours ahead</source>
        <translation>Sin horario próximo</translation>
    </message>
    <message>
        <source>Critical-incident sentence</source>
        <translation>Frase para casos críticos</translation>
    </message>
    <message>
        <source>No channel for the request</source>
        <translation>Ningún canal para la solicitud</translation>
    </message>
    <message>
        <source>The channel is open.</source>
        <translation>El canal está abierto.</translation>
    </message>
    <message>
        <source>The channel is open and closes within the closing-soon warning.</source>
        <translation>El canal está abierto y cierra dentro del aviso de cierre.</translation>
    </message>
    <message>
        <source>The channel is closed now (a night, a weekend) and opens later.</source>
        <translation>El canal está cerrado ahora (una noche, un fin de semana) y abre más tarde.</translation>
    </message>
    <message>
        <source>The channel is closed today for a public holiday.</source>
        <translation>El canal está cerrado hoy por un festivo.</translation>
    </message>
    <message>
        <source>The channel keeps a special day today and is not open now.</source>
        <translation>El canal tiene hoy un día especial y no está abierto ahora.</translation>
    </message>
    <message>
        <source>The channel is open 24 hours a day, every day.</source>
        <translation>El canal atiende las 24 horas, todos los días.</translation>
    </message>
    <message>
        <source>The channel is closed and does not open in the coming year.</source>
        <translation>El canal está cerrado y no abre en el próximo año.</translation>
    </message>
    <message>
        <source>Fills $critico in the replies of a closed channel when a critical case has a line open now (the 24/7 line).</source>
        <translation>Rellena $critico en las respuestas de un canal cerrado cuando un caso crítico tiene una línea abierta ahora (la línea 24/7).</translation>
    </message>
    <message>
        <source>“Use now” for a request type that no channel serves.</source>
        <translation>«Usar ahora» para un tipo de solicitud que ningún canal atiende.</translation>
    </message>
    <message>
        <source>the channel&apos;s name</source>
        <translation>el nombre del canal</translation>
    </message>
    <message>
        <source>its contacts, with menu options and extensions</source>
        <translation>sus contactos, con opciones del menú y extensiones</translation>
    </message>
    <message>
        <source>its weekly hours, in words</source>
        <translation>su horario semanal, en palabras</translation>
    </message>
    <message>
        <source>whose clock the hours are on</source>
        <translation>la hora en que se expresa el horario</translation>
    </message>
    <message>
        <source>when it opens next</source>
        <translation>cuándo vuelve a abrir</translation>
    </message>
    <message>
        <source>until when it is open (while open)</source>
        <translation>hasta cuándo está abierto (mientras lo está)</translation>
    </message>
    <message>
        <source>how long until it opens or closes</source>
        <translation>cuánto falta para que abra o cierre</translation>
    </message>
    <message>
        <source>the holiday&apos;s or special day&apos;s name</source>
        <translation>el nombre del festivo o del día especial</translation>
    </message>
    <message>
        <source>the critical-incident sentence, when it applies</source>
        <translation>la frase para casos críticos, cuando corresponde</translation>
    </message>
    <message>
        <source>the request type&apos;s name</source>
        <translation>el nombre del tipo de solicitud</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>The sentences agents copy for a customer with “Copy reply”, one per state of the channel. $name placeholders are filled in for the moment of the reply; $$ is a dollar sign. Templates in bold have their own wording; the others use Canales&apos;s built-in sentence.</source>
        <translation>Las frases que los agentes copian para un cliente con «Copiar respuesta», una por estado del canal. Los marcadores $nombre se rellenan para el momento de la respuesta; $$ es un signo de dólar. Las plantillas en negrita tienen texto propio; las demás usan la frase predeterminada de Canales.</translation>
    </message>
    <message>
        <source>&amp;Language of the replies:</source>
        <translation>I&amp;dioma de las respuestas:</translation>
    </message>
    <message>
        <source>Language of the replies</source>
        <translation>Idioma de las respuestas</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Choose the template to edit</source>
        <translation>Elija la plantilla que va a editar</translation>
    </message>
    <message>
        <source>Restore the &amp;built-in wording</source>
        <translation>Restaurar el &amp;texto predeterminado</translation>
    </message>
    <message>
        <source>Use Canales&apos;s own sentence for this template again</source>
        <translation>Volver a usar la frase propia de Canales para esta plantilla</translation>
    </message>
    <message>
        <source>Place&amp;holders (click to insert):</source>
        <translation>&amp;Marcadores (clic para insertar):</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Enter or a click inserts the placeholder where the cursor is</source>
        <translation>Intro o un clic inserta el marcador donde está el cursor</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Channel of the preview</source>
        <translation>Canal de la vista previa</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>Moment of the preview, on the centre&apos;s clock</source>
        <translation>Momento de la vista previa, en la hora del centro</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>A&amp;hora</translation>
    </message>
    <message>
        <source>Preview the reply for this moment</source>
        <translation>Ver la respuesta para este momento</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>E&amp;n</translation>
    </message>
    <message>
        <source>Preview of the reply</source>
        <translation>Vista previa de la respuesta</translation>
    </message>
    <message>
        <source>Correct the problems (and name a channel) to see the preview.</source>
        <translation>Corrija los problemas (y elija un canal) para ver la vista previa.</translation>
    </message>
    <message>
        <source>Template used: %1</source>
        <translation>Plantilla usada: %1</translation>
    </message>
    <message>
        <source>Own wording</source>
        <translation>Texto propio</translation>
    </message>
    <message>
        <source>Built-in wording</source>
        <translation>Texto predeterminado de Canales</translation>
    </message>
</context>
<context>
    <name>RequestTypesPage</name>
    <message>
        <source>Request types</source>
        <translation>Tipos de solicitud</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>Tipo nuevo</translation>
    </message>
    <message>
        <source>Request type id</source>
        <translation>Id del tipo de solicitud</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by channels)</source>
        <translation>minúsculas, dígitos, - o _ (lo usan los canales)</translation>
    </message>
    <message>
        <source>Request type name</source>
        <translation>Nombre del tipo de solicitud</translation>
    </message>
    <message>
        <source>&amp;Fallback</source>
        <translation>&amp;Alternativa</translation>
    </message>
    <message>
        <source>Channel used only when no other channel for this type is open</source>
        <translation>Canal que se usa solo cuando no hay otro canal abierto para este tipo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>Next %1 days</source>
        <translation>Próximos %1 días</translation>
    </message>
    <message>
        <source>Opening hours of this schedule for the next two weeks, holidays included</source>
        <translation>Horas de atención de este horario en las próximas dos semanas, con los festivos</translation>
    </message>
    <message>
        <source>Correct this schedule&apos;s problems to see the preview.</source>
        <translation>Corrija los problemas de este horario para ver la vista previa.</translation>
    </message>
</context>
<context>
    <name>SchedulesPage</name>
    <message>
        <source>Schedules</source>
        <translation>Horarios</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>Horario nuevo</translation>
    </message>
    <message>
        <source>Schedule id</source>
        <translation>Id del horario</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by channels)</source>
        <translation>minúsculas, dígitos, - o _ (lo usan los canales)</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>Nombre del horario</translation>
    </message>
    <message>
        <source>Closed on public &amp;holidays</source>
        <translation>Cerrado los días &amp;festivos</translation>
    </message>
    <message>
        <source>Weekly hours (a day without intervals is closed)</source>
        <translation>Horario semanal (un día sin franjas está cerrado)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Canales</source>
        <translation>Configuración — Canales</translation>
    </message>
    <message>
        <source>your IT department</source>
        <translation>su departamento de TI</translation>
    </message>
    <message>
        <source>This configuration is published at %1; it is read only here. “Edit a copy…” saves a copy to edit (signed when the policy trusts signing keys) for you to publish with your organisation&apos;s own means.</source>
        <translation>Esta configuración está publicada en %1; aquí es de solo lectura. «Editar una copia…» guarda una copia para editarla (firmada cuando la política confía en claves de firma) y publicarla con los medios de su organización.</translation>
    </message>
    <message>
        <source>The managed policy requires signed configuration files: Save signs with your secret key (its password is asked each time).</source>
        <translation>La política administrada exige archivos de configuración firmados: Guardar firma con su clave secreta (se pide su contraseña cada vez).</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Choose the part of the settings to edit</source>
        <translation>Elija la parte de la configuración que quiere editar</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restaurar copia…</translation>
    </message>
    <message>
        <source>Load an earlier saved version into the dialog</source>
        <translation>Cargar en el diálogo una versión guardada anteriormente</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Replace the configuration with a file, after checking it</source>
        <translation>Reemplazar la configuración por un archivo, después de revisarlo</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Write the saved configuration to a file</source>
        <translation>Escribir la configuración guardada en un archivo</translation>
    </message>
    <message>
        <source>Supervisor &amp;PIN…</source>
        <translation>&amp;PIN de supervisor…</translation>
    </message>
    <message>
        <source>Set, change or remove the PIN that guards these settings</source>
        <translation>Poner, cambiar o quitar el PIN que protege esta configuración</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the configuration for every console (Ctrl+S)</source>
        <translation>Guardar la configuración para todas las consolas (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close without saving; discards every change</source>
        <translation>Cerrar sin guardar; descarta todos los cambios</translation>
    </message>
    <message>
        <source>Edit a &amp;copy…</source>
        <translation>Editar una &amp;copia…</translation>
    </message>
    <message>
        <source>Save a copy of the published configuration to edit and publish</source>
        <translation>Guardar una copia de la configuración publicada para editarla y publicarla</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <comment>count beside Save</comment>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings no longer ask for a PIN.</source>
        <translation>La configuración ya no pide PIN.</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing changed.</source>
        <translation>Los dos PIN no coinciden; no se cambió nada.</translation>
    </message>
    <message>
        <source>PIN saved; the settings will ask for it.</source>
        <translation>PIN guardado; la configuración lo pedirá.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>The settings have unsaved changes. Close and discard them?</source>
        <translation>La configuración tiene cambios sin guardar. ¿Cerrar y descartarlos?</translation>
    </message>
    <message>
        <source>Configuration managed by %1; read only</source>
        <translation>Configuración administrada por %1; solo lectura</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN de supervisor</translation>
    </message>
    <message>
        <source>New PIN (empty: no PIN)</source>
        <translation>PIN nuevo (vacío: sin PIN)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>Secret key for signing the configuration</source>
        <translation>Clave secreta para firmar la configuración</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>The key %1 is not among the trusted keys of the managed policy: the consoles would refuse this file. Nothing was written.</source>
        <translation>La clave %1 no está entre las claves de confianza de la política administrada: las consolas rechazarían este archivo. No se escribió nada.</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>El archivo de clave %1 no existe.</translation>
    </message>
    <message>
        <source>Sign the configuration</source>
        <translation>Firmar la configuración</translation>
    </message>
    <message>
        <source>Password of the secret key %1:</source>
        <translation>Contraseña de la clave secreta %1:</translation>
    </message>
    <message>
        <source>Wrong password for this key. Nothing was written.</source>
        <translation>Contraseña incorrecta para esta clave. No se escribió nada.</translation>
    </message>
</context>
<context>
    <name>SpecialDaysPage</name>
    <message>
        <source>Special days</source>
        <translation>Días especiales</translation>
    </message>
    <message>
        <source>Special day</source>
        <translation>Día especial</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Name of the special day</source>
        <translation>Nombre del día especial</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Date, or first day</source>
        <translation>Fecha, o primer día</translation>
    </message>
    <message>
        <source>&amp;Several days, until</source>
        <translation>&amp;Varios días, hasta</translation>
    </message>
    <message>
        <source>Several days</source>
        <translation>Varios días</translation>
    </message>
    <message>
        <source>The special day lasts until a later date</source>
        <translation>El día especial dura hasta una fecha posterior</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Canales</translation>
    </message>
    <message>
        <source>Channels affected</source>
        <translation>Canales afectados</translation>
    </message>
    <message>
        <source>C&amp;losed all day</source>
        <translation>Ce&amp;rrado todo el día</translation>
    </message>
    <message>
        <source>&amp;Other hours:</source>
        <translation>&amp;Otro horario:</translation>
    </message>
    <message>
        <source>What the chosen channels do on that day</source>
        <translation>Qué hacen ese día los canales elegidos</translation>
    </message>
    <message>
        <source>Hours on that day</source>
        <translation>Horario de ese día</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The console could not start (details in the log file): %1</source>
        <translation>La consola no pudo iniciarse (detalles en el archivo de registro): %1</translation>
    </message>
    <message>
        <source>Unexpected error (details in the log file): %1</source>
        <translation>Error inesperado (detalles en el archivo de registro): %1</translation>
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
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Week view</source>
        <extracomment>WCAG 2.1: 3:1 for graphical objects (bars, lines), 4.5:1 for normal text (AA).</extracomment>
        <translation>Vista semanal</translation>
    </message>
    <message>
        <source>No hours to show</source>
        <translation>Sin horario que mostrar</translation>
    </message>
</context>
</TS>
