; Inno Setup 6 script for Canales: a per-machine installer IT can run silently on every desk.
;
; 1. python packaging\build.py          (leaves dist\canales\canales.exe, version resource inside)
; 2. iscc packaging\windows\canales.iss  (leaves dist\canales-<version>-windows-setup.exe)
;
; Built and installed silently by .github/workflows/release.yml on GitHub's Windows runner; never
; run on the Linux machine the tests run on.
;
; Per machine (administrator rights): the program in "C:\Program Files\Canales", a Start-menu
; entry for every user, an optional "start with Windows" task. Silent install for IT:
;
;   canales-<version>-windows-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;       [/POLICY="\\server\share\canales\policy.json"] [/LOG="C:\Windows\Temp\canales.log"]
;
; /POLICY copies IT's policy to C:\ProgramData\canales\policy.json: where Canales reads it
; (platformdirs' site_config_dir("canales", appauthor=False) is %ProgramData%\canales). Without
; /POLICY the installer never touches that file, so an upgrade keeps IT's copy; the uninstaller
; leaves it too, and never touches anyone's own files (%APPDATA%\canales, %LOCALAPPDATA%\canales).
; The version is read from the executable's version resource, written by packaging/build.py.

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
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=canales-{#AppVersion}-windows-setup
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
SetupLogging=yes

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
spanish.StartWithWindows=Iniciar Canales al iniciar sesión en Windows (todos los usuarios)
english.StartWithWindows=Start Canales when anyone signs in to Windows
spanish.LaunchNow=Abrir Canales ahora
english.LaunchNow=Open Canales now
spanish.PolicyMissing=No se encuentra la política indicada con /POLICY: %1
english.PolicyMissing=The policy given with /POLICY cannot be found: %1

[Tasks]
Name: "startup"; Description: "{cm:StartWithWindows}"; Flags: unchecked

[Dirs]
Name: "{commonappdata}\canales"; Flags: uninsneveruninstall; Check: PolicyGiven

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; IT's policy, only when /POLICY names one; kept by the uninstaller (it is IT's, not ours).
Source: "{code:PolicySource}"; DestDir: "{commonappdata}\canales"; DestName: "policy.json"; \
  Flags: external ignoreversion uninsneveruninstall; Check: PolicyGiven

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"

[Registry]
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Tasks: startup; \
  Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
function PolicySource(Param: String): String;
begin
  Result := ExpandConstant('{param:POLICY|}');
end;

function PolicyGiven: Boolean;
begin
  Result := PolicySource('') <> '';
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if PolicyGiven and not FileExists(PolicySource('')) then
  begin
    { A silent install fails (exit code 1) rather than leave a desk without IT's lock. }
    SuppressibleMsgBox(FmtMessage(CustomMessage('PolicyMissing'), [PolicySource('')]),
      mbCriticalError, MB_OK, IDOK);
    Log('Policy not found: ' + PolicySource(''));
    Result := False;
  end;
end;
