<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>The settings cannot be opened: %1</source>
        <translation>The settings cannot be opened: %1</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>Preferences not saved: %1</translation>
    </message>
    <message>
        <source>Case log exported: %1 events → %2</source>
        <translation>Case log exported: %1 events → %2</translation>
    </message>
    <message>
        <source>The case log was not exported: %1</source>
        <translation>The case log was not exported: %1</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Escalation ladder</source>
        <translation>Escalation ladder</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Week view</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>No channel matches “%1”</source>
        <translation>No channel matches “%1”</translation>
    </message>
</context>
<context>
    <name>CaseExportDialog</name>
    <message>
        <source>Export the case log</source>
        <translation>Export the case log</translation>
    </message>
    <message>
        <source>Every event of the chosen days as a CSV file (UTF-8), times on the support centre&apos;s clock, for the SLA report.</source>
        <translation>Every event of the chosen days as a CSV file (UTF-8), times on the support centre&apos;s clock, for the SLA report.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>The first day is after the last day.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Choose a file to export to.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>No open cases. “Escalate” on a level starts one and times its answer.</source>
        <translation>No open cases. “Escalate” on a level starts one and times its answer.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Open cases (%1)</source>
        <translation>Open cases (%1)</translation>
    </message>
</context>
<context>
    <name>CaseRow</name>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Escalate to the next level</source>
        <translation>Escalate to the next level</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Recorded in the case log</source>
        <translation>Recorded in the case log</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>Answered: %1</translation>
    </message>
    <message>
        <source>Close case %1</source>
        <translation>Close case %1</translation>
    </message>
</context>
<context>
    <name>ChannelCard</name>
    <message>
        <source>Notify me when this channel opens or is about to close</source>
        <translation>Notify me when this channel opens or is about to close</translation>
    </message>
    <message>
        <source>Notify about %1</source>
        <translation>Notify about %1</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <source>Copy a reply for the customer: this channel&apos;s hours and contacts for now</source>
        <translation>Copy a reply for the customer: this channel&apos;s hours and contacts for now</translation>
    </message>
    <message>
        <source>Copy reply about %1</source>
        <translation>Copy reply about %1</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Channels, in the order agents see them</source>
        <translation>Channels, in the order agents see them</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>New channel</translation>
    </message>
    <message>
        <source>Channel id</source>
        <translation>Channel id</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by special days)</source>
        <translation>lower case, digits, - or _ (used by special days)</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Channel name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>&amp;Serves</source>
        <translation>&amp;Serves</translation>
    </message>
    <message>
        <source>Request types this channel serves</source>
        <translation>Request types this channel serves</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <source>Schedule of this channel</source>
        <translation>Schedule of this channel</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Notes, one per line</source>
        <translation>Notes, one per line</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>IVR: %1</source>
        <translation>IVR: %1</translation>
    </message>
    <message>
        <source>Extensions:</source>
        <translation>Extensions:</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>Copy “%1”</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copy %1</translation>
    </message>
    <message>
        <source>Puts it on the clipboard</source>
        <translation>Puts it on the clipboard</translation>
    </message>
    <message>
        <source>Copy extension %1</source>
        <translation>Copy extension %1</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Contact %1: %2</source>
        <translation>Contact %1: %2</translation>
    </message>
    <message>
        <source>%1, label</source>
        <translation>%1, label</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>What agents see (optional)</source>
        <translation>What agents see (optional)</translation>
    </message>
    <message>
        <source>Add: %1</source>
        <translation>Add: %1</translation>
    </message>
    <message>
        <source>IVR step %1, keys</source>
        <translation>IVR step %1, keys</translation>
    </message>
    <message>
        <source>IVR step %1, meaning</source>
        <translation>IVR step %1, meaning</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Meaning (optional)</source>
        <translation>Meaning (optional)</translation>
    </message>
    <message>
        <source>+ IVR step</source>
        <translation>+ IVR step</translation>
    </message>
    <message>
        <source>Add an IVR step to %1</source>
        <translation>Add an IVR step to %1</translation>
    </message>
    <message>
        <source>Add a menu option to press after dialling</source>
        <translation>Add a menu option to press after dialling</translation>
    </message>
    <message>
        <source>Remove IVR step %1</source>
        <translation>Remove IVR step %1</translation>
    </message>
    <message>
        <source>IVR steps</source>
        <translation>IVR steps</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>%1, extensions</source>
        <translation>%1, extensions</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 1113, 1107</source>
        <translation>Comma-separated, e.g. 1113, 1107</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Move %1 up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Move %1 down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>When no channel serving a request type is open in the coming days, with the settings as edited here (before saving). Holidays and special days included.</source>
        <translation>When no channel serving a request type is open in the coming days, with the settings as edited here (before saving). Holidays and special days included.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>Days ahead</translation>
    </message>
    <message>
        <source>How many days from today the report covers</source>
        <translation>How many days from today the report covers</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Coverage report</translation>
    </message>
    <message>
        <source>Periods without an open channel, per request type</source>
        <translation>Periods without an open channel, per request type</translation>
    </message>
    <message>
        <source>The settings have problems: correct them to see the coverage.</source>
        <translation>The settings have problems: correct them to see the coverage.</translation>
    </message>
    <message>
        <source>%1 Differs from the saved configuration (not saved yet)</source>
        <translation>%1 Differs from the saved configuration (not saved yet)</translation>
    </message>
</context>
<context>
    <name>EscalationPage</name>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Escalation levels, first to last</source>
        <translation>Escalation levels, first to last</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>New level</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Level name</source>
        <translation>Level name</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <source>Schedule of this level</source>
        <translation>Schedule of this level</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Not published</translation>
    </message>
    <message>
        <source>&amp;Response time</source>
        <translation>&amp;Response time</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Notes, one per line</source>
        <translation>Notes, one per line</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Response time of this level</source>
        <translation>Response time of this level</translation>
    </message>
    <message>
        <source>Minutes this level has to answer an escalated case; 0: not published</source>
        <translation>Minutes this level has to answer an escalated case; 0: not published</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>Escalation ladder</source>
        <translation>Escalation ladder</translation>
    </message>
    <message>
        <source>then</source>
        <translation>then</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
    <message>
        <source>Export hours</source>
        <translation>Export hours</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Hours exported: %1</source>
        <translation>Hours exported: %1</translation>
    </message>
    <message>
        <source>vCard 3.0 — Outlook, phones (*.vcf)</source>
        <translation>vCard 3.0 — Outlook, phones (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>Contacts exported: %1</source>
        <translation>Contacts exported: %1</translation>
    </message>
    <message>
        <source>Save the channel sheet as PDF</source>
        <translation>Save the channel sheet as PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Channel sheet saved: %1</source>
        <translation>Channel sheet saved: %1</translation>
    </message>
    <message>
        <source>Channel sheet</source>
        <translation>Channel sheet</translation>
    </message>
    <message>
        <source>Print channel sheet</source>
        <translation>Print channel sheet</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Letter (8.5 × 11 in)</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Paper size:</translation>
    </message>
    <message>
        <source>Preview of the channel sheet</source>
        <translation>Preview of the channel sheet</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>(and %1 more)</source>
        <translation>(and %1 more)</translation>
    </message>
    <message>
        <source>The configuration file changed on disk after this dialog opened it (another supervisor or console saved it). Your changes were not saved.

Reload shows the version on disk and discards your changes. Overwrite saves yours; your colleague&apos;s version is kept as a backup in %1.</source>
        <translation>The configuration file changed on disk after this dialog opened it (another supervisor or console saved it). Your changes were not saved.

Reload shows the version on disk and discards your changes. Overwrite saves yours; your colleague&apos;s version is kept as a backup in %1.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Reloading discards the changes made in this dialog. Reload?</source>
        <translation>Reloading discards the changes made in this dialog. Reload?</translation>
    </message>
    <message>
        <source>The file on disk cannot be used</source>
        <translation>The file on disk cannot be used</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>This replaces the changes made in this dialog. Continue?</source>
        <translation>This replaces the changes made in this dialog. Continue?</translation>
    </message>
    <message>
        <source>The backup of %1 is loaded. Review it and press Save to restore it.</source>
        <translation>The backup of %1 is loaded. Review it and press Save to restore it.</translation>
    </message>
    <message>
        <source>Import configuration</source>
        <translation>Import configuration</translation>
    </message>
    <message>
        <source>Importing discards the changes made in this dialog. Continue?</source>
        <translation>Importing discards the changes made in this dialog. Continue?</translation>
    </message>
    <message>
        <source>Not imported; nothing changed</source>
        <translation>Not imported; nothing changed</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Imported %1.</translation>
    </message>
    <message>
        <source>Export configuration</source>
        <translation>Export configuration</translation>
    </message>
    <message>
        <source>Export writes the saved configuration, without the changes not yet saved. Continue?</source>
        <translation>Export writes the saved configuration, without the changes not yet saved. Continue?</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Support centre time %1</source>
        <translation>Support centre time %1</translation>
    </message>
    <message>
        <source>Date and time zone of the support centre</source>
        <translation>Date and time zone of the support centre</translation>
    </message>
    <message>
        <source>Your time: %1 %2</source>
        <translation>Your time: %1 %2</translation>
    </message>
</context>
<context>
    <name>IntervalRows</name>
    <message>
        <source>%1, interval %2, from</source>
        <translation>%1, interval %2, from</translation>
    </message>
    <message>
        <source>%1, interval %2, until</source>
        <translation>%1, interval %2, until</translation>
    </message>
    <message>
        <source>+ Interval</source>
        <translation>+ Interval</translation>
    </message>
    <message>
        <source>Add an interval to %1</source>
        <translation>Add an interval to %1</translation>
    </message>
    <message>
        <source>Add opening hours to %1</source>
        <translation>Add opening hours to %1</translation>
    </message>
    <message>
        <source>Remove interval %2 of %1</source>
        <translation>Remove interval %2 of %1</translation>
    </message>
</context>
<context>
    <name>LevelBox</name>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Escalation level %1: %2</source>
        <translation>Escalation level %1: %2</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Escalate a case to level %1: %2</source>
        <translation>Escalate a case to level %1: %2</translation>
    </message>
    <message>
        <source>Starts a case with a ticket id and a note, timed against the response time</source>
        <translation>Starts a case with a ticket id and a note, timed against the response time</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Drag an item, or use Up and Down, to change the order</source>
        <translation>Drag an item, or use Up and Down, to change the order</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add a new item</source>
        <translation>Add a new item</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Add a copy of the selected item</source>
        <translation>Add a copy of the selected item</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Remove the selected item</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Move the selected item up</source>
        <translation>Move the selected item up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>Move the selected item down</translation>
    </message>
    <message>
        <source>Details of the selected item</source>
        <translation>Details of the selected item</translation>
    </message>
    <message>
        <source>Nothing here yet: press Add to create one.</source>
        <translation>Nothing here yet: press Add to create one.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Canales — support channels</source>
        <translation>Canales — support channels</translation>
    </message>
    <message>
        <source>Filter by name, number or email (Ctrl+F)</source>
        <translation>Filter by name, number or email (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter channels and contacts</source>
        <translation>Filter channels and contacts</translation>
    </message>
    <message>
        <source>Loading the configuration…</source>
        <translation>Loading the configuration…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Export case log…</source>
        <translation>&amp;Export case log…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Week view</source>
        <translation>&amp;Week view</translation>
    </message>
    <message>
        <source>&amp;Compact mode</source>
        <translation>&amp;Compact mode</translation>
    </message>
    <message>
        <source>Always on &amp;top</source>
        <translation>Always on &amp;top</translation>
    </message>
    <message>
        <source>Close to t&amp;ray</source>
        <translation>Close to t&amp;ray</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Copy &amp;format</source>
        <translation>Copy &amp;format</translation>
    </message>
    <message>
        <source>National digits (6017442727)</source>
        <translation>National digits (6017442727)</translation>
    </message>
    <message>
        <source>International E.164 (+576017442727)</source>
        <translation>International E.164 (+576017442727)</translation>
    </message>
    <message>
        <source>Dial string with IVR pauses (+576017442727,,2,,4)</source>
        <translation>Dial string with IVR pauses (+576017442727,,2,,4)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>As in the configuration</source>
        <translation>As in the configuration</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;heme</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Export &amp;hours…</source>
        <translation>Export &amp;hours…</translation>
    </message>
    <message>
        <source>The channels&apos; hours as a calendar (.ics) for Outlook, Thunderbird or a phone</source>
        <translation>The channels&apos; hours as a calendar (.ics) for Outlook, Thunderbird or a phone</translation>
    </message>
    <message>
        <source>Export &amp;contacts…</source>
        <translation>Export &amp;contacts…</translation>
    </message>
    <message>
        <source>The escalation ladder and the channels as contact cards (.vcf)</source>
        <translation>The escalation ladder and the channels as contact cards (.vcf)</translation>
    </message>
    <message>
        <source>&amp;Print channel sheet…</source>
        <translation>&amp;Print channel sheet…</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>Link not opened (not allowed): %1</source>
        <translation>Link not opened (not allowed): %1</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Escalate a case</source>
        <translation>Escalate a case</translation>
    </message>
    <message>
        <source>e.g. INC-4512 (optional)</source>
        <translation>e.g. INC-4512 (optional)</translation>
    </message>
    <message>
        <source>Ticket id</source>
        <translation>Ticket id</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>One line (optional)</source>
        <translation>One line (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>&amp;Start case</source>
        <translation>&amp;Start case</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>The product agents support (optional)</source>
        <translation>The product agents support (optional)</translation>
    </message>
    <message>
        <source>&amp;Tagline</source>
        <translation>&amp;Tagline</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Tagline</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language of the console</source>
        <translation>Language of the console</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>Time &amp;zone</translation>
    </message>
    <message>
        <source>Time zone of the support centre</source>
        <translation>Time zone of the support centre</translation>
    </message>
    <message>
        <source>&amp;Holidays of</source>
        <translation>&amp;Holidays of</translation>
    </message>
    <message>
        <source>Country whose public holidays apply</source>
        <translation>Country whose public holidays apply</translation>
    </message>
    <message>
        <source>&amp;Closing soon</source>
        <translation>&amp;Closing soon</translation>
    </message>
    <message>
        <source>Minutes before closing shown as closing soon</source>
        <translation>Minutes before closing shown as closing soon</translation>
    </message>
    <message>
        <source> min before closing</source>
        <translation> min before closing</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>General notes, one per line</source>
        <translation>General notes, one per line</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Supervisor PIN</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>Enter the supervisor PIN to change the settings.</source>
        <translation>Enter the supervisor PIN to change the settings.</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>PIN status</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Wait %1 s before trying again.</source>
        <translation>Wait %1 s before trying again.</translation>
    </message>
    <message>
        <source>Settings are locked: the supervisor PIN file cannot be used. Ask IT. (%1)</source>
        <translation>Settings are locked: the supervisor PIN file cannot be used. Ask IT. (%1)</translation>
    </message>
</context>
<context>
    <name>ProblemPath</name>
    <message>
        <source>Format version</source>
        <translation>Format version</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>Tagline</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>Holidays of</translation>
    </message>
    <message>
        <source>Closing-soon warning</source>
        <translation>Closing-soon warning</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Closed on public holidays</source>
        <translation>Closed on public holidays</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Channels affected</source>
        <translation>Channels affected</translation>
    </message>
    <message>
        <source>Closed all day</source>
        <translation>Closed all day</translation>
    </message>
    <message>
        <source>Other hours</source>
        <translation>Other hours</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Serves</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Response time</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Fallback</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>IVR steps</source>
        <translation>IVR steps</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>IVR step %1</source>
        <translation>IVR step %1</translation>
    </message>
    <message>
        <source>Interval %1</source>
        <translation>Interval %1</translation>
    </message>
    <message>
        <source>Extension %1</source>
        <translation>Extension %1</translation>
    </message>
    <message>
        <source>Note %1</source>
        <translation>Note %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>The configuration changed on disk</source>
        <translation>The configuration changed on disk</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Keep editing; nothing is saved</source>
        <translation>Keep editing; nothing is saved</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Show the version on disk; your changes are discarded</source>
        <translation>Show the version on disk; your changes are discarded</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Overwrite</translation>
    </message>
    <message>
        <source>Save your changes; your colleague&apos;s version is kept as a backup</source>
        <translation>Save your changes; your colleague&apos;s version is kept as a backup</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Backups, newest first:</source>
        <translation>Backups, newest first:</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>minisign secret key (*.key);;All files (*)</source>
        <translation>minisign secret key (*.key);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PublishedCopy</name>
    <message>
        <source>Edit a copy</source>
        <translation>Edit a copy</translation>
    </message>
    <message>
        <source>Editing a copy in %1. Save it (signed when the policy trusts signing keys), then publish it at %2 with your organisation&apos;s own means.</source>
        <translation>Editing a copy in %1. Save it (signed when the policy trusts signing keys), then publish it at %2 with your organisation&apos;s own means.</translation>
    </message>
</context>
<context>
    <name>RecommendStrip</name>
    <message>
        <source>Use now:</source>
        <translation>Use now:</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>Request type</translation>
    </message>
    <message>
        <source>The channel recommended below is for this kind of request</source>
        <translation>The channel recommended below is for this kind of request</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy &amp;reply</source>
        <translation>Copy &amp;reply</translation>
    </message>
    <message>
        <source>Copy a reply for the customer about the channel to use for this request (Alt+R)</source>
        <translation>Copy a reply for the customer about the channel to use for this request (Alt+R)</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Copy reply</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recommended: %1</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <translation>Copy “%1”</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copy %1</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Closed for a holiday</source>
        <translation>Closed for a holiday</translation>
    </message>
    <message>
        <source>Closed for a special day</source>
        <translation>Closed for a special day</translation>
    </message>
    <message>
        <source>Channel open</source>
        <translation>Channel open</translation>
    </message>
    <message>
        <source>Channel closing soon</source>
        <translation>Channel closing soon</translation>
    </message>
    <message>
        <source>Channel closed</source>
        <translation>Channel closed</translation>
    </message>
    <message>
        <source>Channel open 24/7</source>
        <translation>Channel open 24/7</translation>
    </message>
    <message>
        <source>No opening hours ahead</source>
        <translation>No opening hours ahead</translation>
    </message>
    <message>
        <source>Critical-incident sentence</source>
        <translation>Critical-incident sentence</translation>
    </message>
    <message>
        <source>No channel for the request</source>
        <translation>No channel for the request</translation>
    </message>
    <message>
        <source>The channel is open.</source>
        <translation>The channel is open.</translation>
    </message>
    <message>
        <source>The channel is open and closes within the closing-soon warning.</source>
        <translation>The channel is open and closes within the closing-soon warning.</translation>
    </message>
    <message>
        <source>The channel is closed now (a night, a weekend) and opens later.</source>
        <translation>The channel is closed now (a night, a weekend) and opens later.</translation>
    </message>
    <message>
        <source>The channel is closed today for a public holiday.</source>
        <translation>The channel is closed today for a public holiday.</translation>
    </message>
    <message>
        <source>The channel keeps a special day today and is not open now.</source>
        <translation>The channel keeps a special day today and is not open now.</translation>
    </message>
    <message>
        <source>The channel is open 24 hours a day, every day.</source>
        <translation>The channel is open 24 hours a day, every day.</translation>
    </message>
    <message>
        <source>The channel is closed and does not open in the coming year.</source>
        <translation>The channel is closed and does not open in the coming year.</translation>
    </message>
    <message>
        <source>Fills $critico in the replies of a closed channel when a critical case has a line open now (the 24/7 line).</source>
        <translation>Fills $critico in the replies of a closed channel when a critical case has a line open now (the 24/7 line).</translation>
    </message>
    <message>
        <source>“Use now” for a request type that no channel serves.</source>
        <translation>“Use now” for a request type that no channel serves.</translation>
    </message>
    <message>
        <source>the channel&apos;s name</source>
        <translation>the channel&apos;s name</translation>
    </message>
    <message>
        <source>its contacts, with menu options and extensions</source>
        <translation>its contacts, with menu options and extensions</translation>
    </message>
    <message>
        <source>its weekly hours, in words</source>
        <translation>its weekly hours, in words</translation>
    </message>
    <message>
        <source>whose clock the hours are on</source>
        <translation>whose clock the hours are on</translation>
    </message>
    <message>
        <source>when it opens next</source>
        <translation>when it opens next</translation>
    </message>
    <message>
        <source>until when it is open (while open)</source>
        <translation>until when it is open (while open)</translation>
    </message>
    <message>
        <source>how long until it opens or closes</source>
        <translation>how long until it opens or closes</translation>
    </message>
    <message>
        <source>the holiday&apos;s or special day&apos;s name</source>
        <translation>the holiday&apos;s or special day&apos;s name</translation>
    </message>
    <message>
        <source>the critical-incident sentence, when it applies</source>
        <translation>the critical-incident sentence, when it applies</translation>
    </message>
    <message>
        <source>the request type&apos;s name</source>
        <translation>the request type&apos;s name</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>The sentences agents copy for a customer with “Copy reply”, one per state of the channel. $name placeholders are filled in for the moment of the reply; $$ is a dollar sign. Templates in bold have their own wording; the others use Canales&apos;s built-in sentence.</source>
        <translation>The sentences agents copy for a customer with “Copy reply”, one per state of the channel. $name placeholders are filled in for the moment of the reply; $$ is a dollar sign. Templates in bold have their own wording; the others use Canales&apos;s built-in sentence.</translation>
    </message>
    <message>
        <source>&amp;Language of the replies:</source>
        <translation>&amp;Language of the replies:</translation>
    </message>
    <message>
        <source>Language of the replies</source>
        <translation>Language of the replies</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Choose the template to edit</source>
        <translation>Choose the template to edit</translation>
    </message>
    <message>
        <source>Restore the &amp;built-in wording</source>
        <translation>Restore the &amp;built-in wording</translation>
    </message>
    <message>
        <source>Use Canales&apos;s own sentence for this template again</source>
        <translation>Use Canales&apos;s own sentence for this template again</translation>
    </message>
    <message>
        <source>Place&amp;holders (click to insert):</source>
        <translation>Place&amp;holders (click to insert):</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Placeholders</translation>
    </message>
    <message>
        <source>Enter or a click inserts the placeholder where the cursor is</source>
        <translation>Enter or a click inserts the placeholder where the cursor is</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Channel of the preview</source>
        <translation>Channel of the preview</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <source>Moment of the preview, on the centre&apos;s clock</source>
        <translation>Moment of the preview, on the centre&apos;s clock</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Now</translation>
    </message>
    <message>
        <source>Preview the reply for this moment</source>
        <translation>Preview the reply for this moment</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;At</translation>
    </message>
    <message>
        <source>Preview of the reply</source>
        <translation>Preview of the reply</translation>
    </message>
    <message>
        <source>Correct the problems (and name a channel) to see the preview.</source>
        <translation>Correct the problems (and name a channel) to see the preview.</translation>
    </message>
    <message>
        <source>Template used: %1</source>
        <translation>Template used: %1</translation>
    </message>
    <message>
        <source>Own wording</source>
        <translation>Own wording</translation>
    </message>
    <message>
        <source>Built-in wording</source>
        <translation>Built-in wording</translation>
    </message>
</context>
<context>
    <name>RequestTypesPage</name>
    <message>
        <source>Request types</source>
        <translation>Request types</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>New type</translation>
    </message>
    <message>
        <source>Request type id</source>
        <translation>Request type id</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by channels)</source>
        <translation>lower case, digits, - or _ (used by channels)</translation>
    </message>
    <message>
        <source>Request type name</source>
        <translation>Request type name</translation>
    </message>
    <message>
        <source>&amp;Fallback</source>
        <translation>&amp;Fallback</translation>
    </message>
    <message>
        <source>Channel used only when no other channel for this type is open</source>
        <translation>Channel used only when no other channel for this type is open</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>Next %1 days</source>
        <translation>Next %1 days</translation>
    </message>
    <message>
        <source>Opening hours of this schedule for the next two weeks, holidays included</source>
        <translation>Opening hours of this schedule for the next two weeks, holidays included</translation>
    </message>
    <message>
        <source>Correct this schedule&apos;s problems to see the preview.</source>
        <translation>Correct this schedule&apos;s problems to see the preview.</translation>
    </message>
</context>
<context>
    <name>SchedulesPage</name>
    <message>
        <source>Schedules</source>
        <translation>Schedules</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>New schedule</translation>
    </message>
    <message>
        <source>Schedule id</source>
        <translation>Schedule id</translation>
    </message>
    <message>
        <source>lower case, digits, - or _ (used by channels)</source>
        <translation>lower case, digits, - or _ (used by channels)</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>Schedule name</translation>
    </message>
    <message>
        <source>Closed on public &amp;holidays</source>
        <translation>Closed on public &amp;holidays</translation>
    </message>
    <message>
        <source>Weekly hours (a day without intervals is closed)</source>
        <translation>Weekly hours (a day without intervals is closed)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Canales</source>
        <translation>Settings — Canales</translation>
    </message>
    <message>
        <source>your IT department</source>
        <translation>your IT department</translation>
    </message>
    <message>
        <source>This configuration is published at %1; it is read only here. “Edit a copy…” saves a copy to edit (signed when the policy trusts signing keys) for you to publish with your organisation&apos;s own means.</source>
        <translation>This configuration is published at %1; it is read only here. “Edit a copy…” saves a copy to edit (signed when the policy trusts signing keys) for you to publish with your organisation&apos;s own means.</translation>
    </message>
    <message>
        <source>The managed policy requires signed configuration files: Save signs with your secret key (its password is asked each time).</source>
        <translation>The managed policy requires signed configuration files: Save signs with your secret key (its password is asked each time).</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Choose the part of the settings to edit</source>
        <translation>Choose the part of the settings to edit</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>Load an earlier saved version into the dialog</source>
        <translation>Load an earlier saved version into the dialog</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Replace the configuration with a file, after checking it</source>
        <translation>Replace the configuration with a file, after checking it</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Write the saved configuration to a file</source>
        <translation>Write the saved configuration to a file</translation>
    </message>
    <message>
        <source>Supervisor &amp;PIN…</source>
        <translation>Supervisor &amp;PIN…</translation>
    </message>
    <message>
        <source>Set, change or remove the PIN that guards these settings</source>
        <translation>Set, change or remove the PIN that guards these settings</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the configuration for every console (Ctrl+S)</source>
        <translation>Save the configuration for every console (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close without saving; discards every change</source>
        <translation>Close without saving; discards every change</translation>
    </message>
    <message>
        <source>Edit a &amp;copy…</source>
        <translation>Edit a &amp;copy…</translation>
    </message>
    <message>
        <source>Save a copy of the published configuration to edit and publish</source>
        <translation>Save a copy of the published configuration to edit and publish</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <comment>count beside Save</comment>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings no longer ask for a PIN.</source>
        <translation>The settings no longer ask for a PIN.</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing changed.</source>
        <translation>The two PINs differ; nothing changed.</translation>
    </message>
    <message>
        <source>PIN saved; the settings will ask for it.</source>
        <translation>PIN saved; the settings will ask for it.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>The settings have unsaved changes. Close and discard them?</source>
        <translation>The settings have unsaved changes. Close and discard them?</translation>
    </message>
    <message>
        <source>Configuration managed by %1; read only</source>
        <translation>Configuration managed by %1; read only</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <source>New PIN (empty: no PIN)</source>
        <translation>New PIN (empty: no PIN)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>The same PIN again</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>Secret key for signing the configuration</source>
        <translation>Secret key for signing the configuration</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>The key %1 is not among the trusted keys of the managed policy: the consoles would refuse this file. Nothing was written.</source>
        <translation>The key %1 is not among the trusted keys of the managed policy: the consoles would refuse this file. Nothing was written.</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>The key file %1 does not exist.</translation>
    </message>
    <message>
        <source>Sign the configuration</source>
        <translation>Sign the configuration</translation>
    </message>
    <message>
        <source>Password of the secret key %1:</source>
        <translation>Password of the secret key %1:</translation>
    </message>
    <message>
        <source>Wrong password for this key. Nothing was written.</source>
        <translation>Wrong password for this key. Nothing was written.</translation>
    </message>
</context>
<context>
    <name>SpecialDaysPage</name>
    <message>
        <source>Special days</source>
        <translation>Special days</translation>
    </message>
    <message>
        <source>Special day</source>
        <translation>Special day</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Name of the special day</source>
        <translation>Name of the special day</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Date, or first day</source>
        <translation>Date, or first day</translation>
    </message>
    <message>
        <source>&amp;Several days, until</source>
        <translation>&amp;Several days, until</translation>
    </message>
    <message>
        <source>Several days</source>
        <translation>Several days</translation>
    </message>
    <message>
        <source>The special day lasts until a later date</source>
        <translation>The special day lasts until a later date</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>&amp;Channels</translation>
    </message>
    <message>
        <source>Channels affected</source>
        <translation>Channels affected</translation>
    </message>
    <message>
        <source>C&amp;losed all day</source>
        <translation>C&amp;losed all day</translation>
    </message>
    <message>
        <source>&amp;Other hours:</source>
        <translation>&amp;Other hours:</translation>
    </message>
    <message>
        <source>What the chosen channels do on that day</source>
        <translation>What the chosen channels do on that day</translation>
    </message>
    <message>
        <source>Hours on that day</source>
        <translation>Hours on that day</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The console could not start (details in the log file): %1</source>
        <translation>The console could not start (details in the log file): %1</translation>
    </message>
    <message>
        <source>Unexpected error (details in the log file): %1</source>
        <translation>Unexpected error (details in the log file): %1</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Canales</source>
        <translation>Show Canales</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Week view</source>
        <extracomment>WCAG 2.1: 3:1 for graphical objects (bars, lines), 4.5:1 for normal text (AA).</extracomment>
        <translation>Week view</translation>
    </message>
    <message>
        <source>No hours to show</source>
        <translation>No hours to show</translation>
    </message>
</context>
</TS>
