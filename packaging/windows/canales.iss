; Inno Setup 6 script for Canales — a recipe: it is not built or tested on the Linux CI.
;
; 1. python packaging\build.py          (leaves dist\canales\canales.exe, version resource inside)
; 2. iscc packaging\windows\canales.iss  (leaves dist\canales-<version>-windows-setup.exe)
;
; Per-user install (no administrator rights) under %LOCALAPPDATA%\Programs\Canales, a Start-menu
; entry, and an optional "start with Windows" task (HKCU Run key). The version is read from the
; executable's version resource, which packaging/build.py writes from app/__init__.py.

#define AppName "Canales"
#define AppExe "canales.exe"
#define BuildDir AddBackslash(SourcePath) + "..\..\dist\canales"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExe, PRODUCT_VERSION)
#endif

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{6C1D3B0E-8A3F-4C55-9E0B-2B7A8C5D4F61}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Canales developers
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=canales-{#AppVersion}-windows-setup
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
spanish.StartWithWindows=Iniciar Canales al iniciar sesión en Windows
english.StartWithWindows=Start Canales when I sign in to Windows
spanish.LaunchNow=Abrir Canales ahora
english.LaunchNow=Open Canales now

[Tasks]
Name: "startup"; Description: "{cm:StartWithWindows}"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Tasks: startup; \
  Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent
