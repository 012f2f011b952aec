; Inno Setup script: per-user installer for PlanDesk (no administrator rights).
; Built by `python packaging/build.py` on Windows (it passes the defines below);
; by hand: iscc /DBundleDir=..\dist\PlanDesk packaging\plandesk.iss
;
; Names agree with desktop/__init__.py (ORG_NAME, APP_NAME), so that
;   program     %LOCALAPPDATA%\Programs\PlanDesk            ({userpf})
;   library     %LOCALAPPDATA%\PlanDesk\PlanDesk\library.sqlite (desktop/paths.py, Qt AppLocalDataLocation)
;   settings    HKCU\Software\PlanDesk\PlanDesk              (QSettings)
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
#define DisplayName "PlanDesk 計畫桌"

[Setup]
; AppId identifies the program for upgrades and uninstall; never change it.
AppId={{6F1C5E2A-3B7D-4C8E-9A41-2D5B8E7F0C13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#DisplayName} {#AppVersion}
AppPublisher={#OrgName}
; Per-user install: no UAC prompt, works on locked-down office PCs.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#DisplayName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName={#DisplayName}
UninstallDisplayIcon={app}\plandesk.exe
SetupIconFile=..\resources\icons\plandesk.ico
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
; Inno Setup ships no Traditional Chinese; zh-TW.isl overrides the English
; wizard texts a clerk sees (anything it lacks stays English).
Name: "zhtw"; MessagesFile: "compiler:Default.isl,zh-TW.isl"

[CustomMessages]
zhtw.DesktopIcon=在桌面建立捷徑
zhtw.LaunchNow=立即啟動 {#DisplayName}
zhtw.UninstallShortcut=解除安裝 {#DisplayName}
zhtw.ShortcutComment=編寫年度提升服務效能執行計畫
zhtw.AskDeleteLibrary=是否一併刪除您的計畫庫與程式設定？%n%n計畫庫資料夾：%n%1%n%n選「否」會保留所有計畫，日後重新安裝即可繼續使用（建議）。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#DisplayName}"; Filename: "{app}\plandesk.exe"; Comment: "{cm:ShortcutComment}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#DisplayName}"; Filename: "{app}\plandesk.exe"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\plandesk.exe"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder (e.g. caches written next to the program); the
; library lives elsewhere and is handled by CurUninstallStepChanged below.
Type: filesandordirs; Name: "{app}"

[Code]
const
  LibraryFolder = '{localappdata}\{#OrgName}\{#AppName}';
  SettingsKey = 'Software\{#OrgName}\{#AppName}';

{ The user's plans are kept unless the user says otherwise; a silent
  uninstall (e.g. by IT) never deletes them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := ExpandConstant(LibraryFolder);
  if UninstallSilent or not DirExists(Folder) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('AskDeleteLibrary'), [Folder]),
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(Folder, True, True, True);
    RemoveDir(ExpandConstant('{localappdata}\{#OrgName}'));
    RegDeleteKeyIncludingSubkeys(HKCU, SettingsKey);
  end;
end;
