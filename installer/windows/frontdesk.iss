; Inno Setup script for the Windows till: installs dist\frontdesk into Program Files, makes the
; machine-wide data folder (ProgramData\frontdesk) writable by the till's users only, and
; registers the nightly sync and backup with Task Scheduler. Built by installer\windows\build.ps1.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E1F3C52-8D7A-4C1B-9B7E-FD0A11C0FFEE}
AppName=frontdesk 会员收银台
AppVersion={#AppVersion}
AppPublisher=frontdesk
DefaultDirName={autopf}\frontdesk
DefaultGroupName=frontdesk
OutputDir=..\..\dist
OutputBaseFilename=frontdesk-{#AppVersion}-setup
SetupIconFile=..\icons\frontdesk.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\frontdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "nightly-sync.xml"; DestDir: "{app}\tasks"
Source: "nightly-backup.xml"; DestDir: "{app}\tasks"

[Dirs]
Name: "{commonappdata}\frontdesk"

[Icons]
Name: "{group}\frontdesk 收银台"; Filename: "{app}\frontdesk-till.exe"
Name: "{commondesktop}\frontdesk 收银台"; Filename: "{app}\frontdesk-till.exe"

[Run]
; The data folder: Administrators and SYSTEM full control, the till's users modify, nobody else
; (inheritance from ProgramData, which lets every user read, is removed).
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\frontdesk"" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)M"; Flags: runhidden
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /F /TN ""frontdesk\nightly-sync"" /XML ""{app}\tasks\nightly-sync.xml"""; Flags: runhidden
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /F /TN ""frontdesk\nightly-backup"" /XML ""{app}\tasks\nightly-backup.xml"""; Flags: runhidden
Filename: "{app}\frontdesk-till.exe"; Description: "打开收银台"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""frontdesk\nightly-sync"""; Flags: runhidden; RunOnceId: "sync"
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""frontdesk\nightly-backup"""; Flags: runhidden; RunOnceId: "backup"
