; PlanDesk's Traditional Chinese (Taiwan) texts for the Inno Setup wizard.
; Loaded last (plandesk.iss: compiler:Default.isl, then ChineseTraditional.isl,
; the unofficial translation vendored from Inno Setup 6.7.3, then this file):
; PlanDesk's own wording of the messages a clerk sees most, and the messages
; Inno Setup 6.5+ added that ChineseTraditional.isl (written for 6.1) lacks.
; Together they cover every message of Default.isl (tests/test_packaging_installer.py).
; As in Default.isl, messages that Inno Setup 6 ends with a period itself have none here.
; UTF-8 with BOM.

[LangOptions]
LanguageName=<7E41><9AD4><4E2D><6587>
LanguageID=$0404
LanguageCodePage=950
DialogFontName=Microsoft JhengHei UI

[Messages]
SetupAppTitle=安裝程式
SetupWindowTitle=安裝程式 - %1
UninstallAppTitle=解除安裝
UninstallAppFullTitle=解除安裝 %1
InformationTitle=訊息
ConfirmTitle=確認
ErrorTitle=錯誤
SetupAlreadyRunning=安裝程式已在執行中。
SetupAppRunningError=%1 正在執行中。%n%n請先關閉所有 %1 視窗，再按「確定」繼續；或按「取消」離開。
UninstallAppRunningError=%1 正在執行中。%n%n請先關閉所有 %1 視窗，再按「確定」繼續；或按「取消」離開。
ExitSetupTitle=離開安裝程式
ExitSetupMessage=安裝尚未完成，現在離開將不會安裝程式。%n%n您可以日後再執行安裝程式完成安裝。%n%n確定要離開嗎？
ButtonBack=< 上一步(&B)
ButtonNext=下一步(&N) >
ButtonInstall=安裝(&I)
ButtonOK=確定
ButtonCancel=取消
ButtonYes=是(&Y)
ButtonYesToAll=全部皆是(&A)
ButtonNo=否(&N)
ButtonNoToAll=全部皆否(&O)
ButtonFinish=完成(&F)
ButtonBrowse=瀏覽(&B)...
ButtonWizardBrowse=瀏覽(&R)...
ButtonNewFolder=建立新資料夾(&M)
ClickNext=按「下一步」繼續，或按「取消」離開安裝程式。
BrowseDialogTitle=選擇資料夾
BrowseDialogLabel=請在下列清單中選擇資料夾，再按「確定」。
NewFolderName=新資料夾
WelcomeLabel1=歡迎使用 [name] 安裝精靈
WelcomeLabel2=即將在您的電腦上安裝 [name/ver]。%n%n不需要系統管理員權限，只安裝給目前的使用者。
WizardSelectDir=選擇安裝位置
SelectDirDesc=要將 [name] 安裝在哪裡？
SelectDirLabel3=安裝程式會將 [name] 安裝到下列資料夾。
SelectDirBrowseLabel=按「下一步」繼續；若要選擇其他資料夾，請按「瀏覽」。
DiskSpaceMBLabel=至少需要 [mb] MB 的磁碟空間。
DirExistsTitle=資料夾已存在
DirExists=資料夾：%n%n%1%n%n已經存在，仍要安裝到這個資料夾嗎？
DirDoesntExistTitle=資料夾不存在
DirDoesntExist=資料夾：%n%n%1%n%n不存在，要建立這個資料夾嗎？
WizardSelectTasks=選擇附加工作
SelectTasksDesc=要執行哪些附加工作？
SelectTasksLabel2=請選擇安裝 [name] 時要一併執行的附加工作，再按「下一步」。
WizardReady=準備安裝
ReadyLabel1=安裝程式已準備好在您的電腦上安裝 [name]。
ReadyLabel2a=按「安裝」開始安裝；若要檢視或變更設定，請按「上一步」。
ReadyLabel2b=按「安裝」開始安裝。
ReadyMemoDir=安裝位置：
ReadyMemoGroup=「開始」功能表資料夾：
ReadyMemoTasks=附加工作：
WizardPreparing=準備安裝中
PreparingDesc=安裝程式正在準備於您的電腦上安裝 [name]。
ApplicationsFound=下列程式正在使用需要更新的檔案，建議讓安裝程式自動關閉它們。
ApplicationsFound2=下列程式正在使用需要更新的檔案，建議讓安裝程式自動關閉它們；安裝完成後會嘗試重新啟動這些程式。
CloseApplications=自動關閉這些程式(&A)
DontCloseApplications=不要關閉這些程式(&D)
WizardInstalling=安裝中
InstallingLabel=請稍候，安裝程式正在您的電腦上安裝 [name]。
FinishedHeadingLabel=[name] 安裝完成
FinishedLabelNoIcons=[name] 已安裝到您的電腦。
FinishedLabel=[name] 已安裝到您的電腦，可從「開始」功能表的捷徑啟動。
ClickFinish=按「完成」結束安裝程式。
RunEntryExec=執行 %1
SetupAborted=安裝未完成。%n%n請排除問題後重新執行安裝程式。
StatusClosingApplications=正在關閉程式...
StatusCreateDirs=正在建立資料夾...
StatusExtractFiles=正在解壓縮檔案...
StatusCreateIcons=正在建立捷徑...
StatusSavingUninstall=正在儲存解除安裝資訊...
StatusRunProgram=正在完成安裝...
StatusRollback=正在復原變更...
ConfirmUninstall=確定要完全移除 %1 嗎？%n%n（您的計畫庫會另外詢問，預設保留。）
UninstallStatusLabel=請稍候，正在從您的電腦移除 %1。
UninstalledAll=%1 已從您的電腦移除。
UninstalledMost=%1 已解除安裝。%n%n部分項目無法移除，您可以自行刪除。

; Added in Inno Setup 6.5-6.7, missing from the vendored ChineseTraditional.isl
DownloadingLabel2=正在下載檔案...
ExtractingLabel=正在解壓縮檔案...
ButtonStopExtraction=停止解壓縮(&S)
StopExtraction=確定要停止解壓縮嗎？
ErrorExtractionAborted=已中止解壓縮
ErrorExtractionFailed=解壓縮失敗：%1
ArchiveIncorrectPassword=壓縮檔密碼不正確
ArchiveIsCorrupted=壓縮檔已損毀
ArchiveUnsupportedFormat=不支援此壓縮檔格式
RetryCancelSelectAction=選擇動作
RetryCancelRetry=重試(&T)
RetryCancelCancel=取消
StatusDownloadFiles=正在下載檔案...
SourceVerificationFailed=來源檔案驗證失敗：%1
VerificationSignatureDoesntExist=簽章檔「%1」不存在
VerificationSignatureInvalid=簽章檔「%1」無效
VerificationKeyNotFound=簽章檔「%1」使用了不明的金鑰
VerificationFileNameIncorrect=檔案名稱不正確
VerificationFileTagIncorrect=檔案標記不正確
VerificationFileSizeIncorrect=檔案大小不正確
VerificationFileHashIncorrect=檔案雜湊值不正確
ErrorDownloading=下載檔案時發生錯誤：
ErrorExtracting=解壓縮壓縮檔時發生錯誤：
