; Inno Setup 6 script: the PlanDesk installer. Per-user by default (no
; administrator rights); IT may install for all users into Program Files instead
; (setup.exe /ALLUSERS, or the dialog setup shows), e.g. where AppLocker only
; allows programs from Program Files.
; Built by `python packaging/build.py` on Windows (it passes the defines below);
; by hand: iscc /DBundleDir=..\dist\PlanDesk packaging\plandesk.iss
;
; Names agree with desktop/__init__.py (ORG_NAME, APP_NAME), so that
;   program     %LOCALAPPDATA%\Programs\PlanDesk   ({autopf} per user)
;               C:\Program Files\PlanDesk          ({autopf} for all users)
;   library     %LOCALAPPDATA%\PlanDesk\PlanDesk\library.sqlite (desktop/paths.py, Qt AppLocalDataLocation)
;   settings    HKCU\Software\PlanDesk\PlanDesk     (QSettings)
; and the mutex the running program holds (desktop/winmutex.py) is AppMutex.
; tests/test_packaging_installer.py checks this agreement.
; Saved as UTF-8 with BOM so the Chinese texts survive the compiler.

#ifndef AppName
  #define AppName "PlanDesk"
#endif
#ifndef OrgName
  #define OrgName "PlanDesk"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\PlanDesk"
#endif
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(BundleDir + "\plandesk.exe")
#endif
; Four numbers for the Windows version resource of setup.exe (build.py derives
; it from the same version as AppVersion; "0.1.0" -> "0.1.0.0").
#ifndef FileVersion
  #define FileVersion GetVersionNumbersString(BundleDir + "\plandesk.exe")
#endif
#ifndef AppMutexName
  #define AppMutexName "PlanDesk.Running"
#endif
#define DisplayName "PlanDesk 計畫桌"

[Setup]
; AppId identifies the program for upgrades and uninstall; never change it.
AppId={{6F1C5E2A-3B7D-4C8E-9A41-2D5B8E7F0C13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#DisplayName} {#AppVersion}
AppPublisher={#OrgName}
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#FileVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoCompany={#OrgName}
VersionInfoDescription={#DisplayName} 安裝程式
VersionInfoCopyright=© {#OrgName}
; Per-user install: no UAC prompt, works on locked-down office PCs. The
; override lets IT choose all users (Program Files) in a dialog or with
; /ALLUSERS; {autopf} follows the choice.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
; A fixed folder: nobody can point setup at a folder holding other files.
DisableDirPage=yes
DefaultGroupName={#DisplayName}
DisableProgramGroupPage=yes
UninstallDisplayName={#DisplayName}
UninstallDisplayIcon={app}\plandesk.exe
SetupIconFile=..\resources\icons\plandesk.ico
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; plandesk.exe and plandesk-cli.exe hold this mutex while they run (GUI and
; CLI, desktop/winmutex.py): setup and the uninstaller then say "PlanDesk is
; running, close it" instead of leaving files half replaced or half removed.
; Global\ also finds instances in other sessions (another clerk on the PC).
AppMutex={#AppMutexName},Global\{#AppMutexName}
SetupMutex={#AppMutexName}.Setup,Global\{#AppMutexName}.Setup
CloseApplications=yes
; ChineseTraditional.isl (written for 6.1) still carries three messages that 6.5
; renamed; the compiler ignores them, the test checks nothing else is unknown.
NotRecognizedMessagesWarning=no
#ifdef SignToolName
; build.py --sign: ISCC gets /S{#SignToolName}=signtool sign ... $f and signs
; setup.exe and the uninstaller with the same certificate as the programs.
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
; Default.isl, then Inno Setup's unofficial Traditional Chinese translation
; (vendored, see ChineseTraditional.isl.LICENSE.txt), then PlanDesk's own
; wording and the messages the translation lacks (zh-TW.isl, last wins).
Name: "zhtw"; MessagesFile: "compiler:Default.isl,ChineseTraditional.isl,zh-TW.isl"

[CustomMessages]
zhtw.DesktopIcon=在桌面建立捷徑
zhtw.LaunchNow=立即啟動 {#DisplayName}
zhtw.UninstallShortcut=解除安裝 {#DisplayName}
zhtw.ShortcutComment=編寫年度提升服務效能執行計畫
zhtw.AskDeleteLibrary=是否一併刪除您的計畫庫與程式設定？%n%n計畫庫資料夾：%n%1%n%n選「否」會保留所有計畫，日後重新安裝即可繼續使用（建議）。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime: Qt DLLs, plugins and .pyd files of the
; previous version must not stay next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#DisplayName}"; Filename: "{app}\plandesk.exe"; Comment: "{cm:ShortcutComment}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#DisplayName}"; Filename: "{app}\plandesk.exe"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\plandesk.exe"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what setup installed (the uninstaller removes the [Files] it logged):
; the runtime folder, in case an older version left files in it, and the
; program folder if it is then empty. Never the whole {app} with whatever else
; is in it; the library lives elsewhere and is handled below.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
const
  LibraryFolder = '{localappdata}\{#OrgName}\{#AppName}';
  SettingsKey = 'Software\{#OrgName}\{#AppName}';

{ The user's plans are kept unless the user says otherwise; a silent
  uninstall (e.g. by IT) never deletes them, nor does an all-users uninstall
  (each clerk's library is in their own profile). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := ExpandConstant(LibraryFolder);
  if UninstallSilent or IsAdminInstallMode or not DirExists(Folder) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('AskDeleteLibrary'), [Folder]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(Folder, True, True, True);
    RemoveDir(ExpandConstant('{localappdata}\{#OrgName}'));
    RegDeleteKeyIncludingSubkeys(HKCU, SettingsKey);
  end;
end;
