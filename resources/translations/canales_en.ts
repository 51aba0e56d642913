<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source> (and %1 more)</source>
        <translation> (and %1 more)</translation>
    </message>
    <message>
        <source>The configuration file could not be used; showing the default: %1</source>
        <translation>The configuration file could not be used; showing the default: %1</translation>
    </message>
    <message>
        <source>The new configuration was not applied; still showing the last good one: %1</source>
        <translation>The new configuration was not applied; still showing the last good one: %1</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>Preferences not saved: %1</translation>
    </message>
    <message>
        <source>Shared file unavailable since %1; showing the last known copy</source>
        <translation>Shared file unavailable since %1; showing the last known copy</translation>
    </message>
    <message>
        <source>Shared file unavailable since %1; showing the default configuration</source>
        <translation>Shared file unavailable since %1; showing the default configuration</translation>
    </message>
    <message>
        <source>The configuration file %1 no longer exists; still showing the last one loaded</source>
        <translation>The configuration file %1 no longer exists; still showing the last one loaded</translation>
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
    <name>ChannelCard</name>
    <message>
        <source>Notify me when this channel opens or is about to close</source>
        <translation>Notify me when this channel opens or is about to close</translation>
    </message>
    <message>
        <source>Notify about %1</source>
        <translation>Notify about %1</translation>
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
    <message>
        <source>Opens the phone application</source>
        <translation>Opens the phone application</translation>
    </message>
    <message>
        <source>Opens the email application</source>
        <translation>Opens the email application</translation>
    </message>
    <message>
        <source>Opens the page in the web browser</source>
        <translation>Opens the page in the web browser</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
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
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>tomorrow %1</source>
        <translation>tomorrow %1</translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation>in %1 d %2 h</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 h</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>in %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>closes %1</translation>
    </message>
    <message>
        <source>opens %1</source>
        <translation>opens %1</translation>
    </message>
    <message>
        <source>Hours not published</source>
        <translation>Hours not published</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>24/7</translation>
    </message>
    <message>
        <source>Closing soon</source>
        <translation>Closing soon</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>closed on holidays</source>
        <translation>closed on holidays</translation>
    </message>
    <message>
        <source>no opening hours</source>
        <translation>no opening hours</translation>
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
    <message>
        <source>Today is a holiday: %1</source>
        <translation>Today is a holiday: %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Today: %1</translation>
    </message>
    <message>
        <source>%1: hours %2</source>
        <translation>%1: hours %2</translation>
    </message>
    <message>
        <source>%1: no service hours today</source>
        <translation>%1: no service hours today</translation>
    </message>
</context>
<context>
    <name>LevelBox</name>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Hours not published</source>
        <translation>Hours not published</translation>
    </message>
    <message>
        <source>Escalation level %1: %2</source>
        <translation>Escalation level %1: %2</translation>
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
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>Link not opened (not allowed): %1</source>
        <translation>Link not opened (not allowed): %1</translation>
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
        <source>No channel for this request is open now</source>
        <translation>No channel for this request is open now</translation>
    </message>
    <message>
        <source>also: %1</source>
        <translation>also: %1</translation>
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
    <message>
        <source> and %1 more</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Open: %1</translation>
    </message>
    <message>
        <source>Nothing open</source>
        <translation>Nothing open</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Closed: %1</translation>
    </message>
    <message>
        <source>%1 is open now</source>
        <translation>%1 is open now</translation>
    </message>
    <message>
        <source>%1 closes soon</source>
        <translation>%1 closes soon</translation>
    </message>
    <message>
        <source>%1 has closed</source>
        <translation>%1 has closed</translation>
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
        <source>Level {level} · {name}</source>
        <translation>Level {level} · {name}</translation>
    </message>
    <message>
        <source>Open hours from {first} to {last}.</source>
        <translation>Open hours from {first} to {last}.</translation>
    </message>
    <message>
        <source>open 24/7</source>
        <translation>open 24/7</translation>
    </message>
    <message>
        <source>closed all these days</source>
        <translation>closed all these days</translation>
    </message>
    <message>
        <source>No hours to show</source>
        <translation>No hours to show</translation>
    </message>
    <message>
        <source>Open 24/7</source>
        <translation>Open 24/7</translation>
    </message>
</context>
</TS>
