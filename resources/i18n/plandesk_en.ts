<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="95"/>
        <source>ImportPreview</source>
        <comment>匯入舊計畫</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="96"/>
        <source>ImportPreview</source>
        <comment>計畫文件 (*.docx *.odt *.json);;Word (*.docx);;OpenDocument (*.odt);;PlanDesk JSON (*.json)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/gui/about.py" line="46"/>
        <source>關於 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="55"/>
        <source>&lt;b style=&apos;font-size:16pt&apos;&gt;PlanDesk 計畫桌&lt;/b&gt;&lt;br&gt;版本 %s&lt;br&gt;年度提升服務效能執行計畫編輯器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="60"/>
        <source>計畫庫檔案（所有計畫都存在這個檔案，備份時請複製它）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="65"/>
        <source>開啟所在資料夾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="70"/>
        <source>執行環境：Python %s · Qt %s · PySide6 %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="76"/>
        <source>本程式使用 Qt 與 PySide6（Qt for Python），依 GNU 較寬鬆通用公共授權條款第 3 版（LGPL-3.0）授權使用。Qt 與 PySide6 以動態連結方式載入，您可以將程式資料夾中的 Qt／PySide6 程式庫換成自行建置的相容版本；原始碼可自 https://download.qt.io 與 https://code.qt.io 取得。以下列出本程式所附各元件及其授權全文。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/about.py" line="100"/>
        <location filename="../../desktop/gui/about.py" line="101"/>
        <source>關於 Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="35"/>
        <source>嚴重度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="35"/>
        <source>位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="35"/>
        <source>說明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="35"/>
        <source>規則</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="92"/>
        <source>尚未開啟計畫。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="95"/>
        <source>沒有發現問題。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/check_panel.py" line="98"/>
        <source>檢查結果：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloneWizard</name>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="29"/>
        <source>複製為新年度計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="34"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="35"/>
        <location filename="../../desktop/gui/clone_wizard.py" line="163"/>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="36"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="53"/>
        <source>以「{0}」（{1} 年度）為底稿，建立新的草稿計畫；原計畫不會變更。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="60"/>
        <source> 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="61"/>
        <source>新計畫年度（民國）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="62"/>
        <source>逐項檢視年份順延（本年度→新年度、次年→新年度次年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="66"/>
        <source>年份順延的規則：
．本年度改為新年度、次年改為新年度的次年（例如 {0} 年→{1} 年、{1} 年 1 月 6 日前→{2} 年 1 月 6 日前，西元年同理）；
．早於本年度的年份不變（引用的法規、舊函）；
．日期列的日期會清空，請於新計畫中填入訂定日期；
．來函的日期與字號不變，但會提醒您更新本年度來函文號。
下一步會逐項列出，您可以一項一項接受或不接受。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="86"/>
        <source>接受(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="87"/>
        <source>不接受(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="122"/>
        <source>共有 {0} 項年份順延提議；預設全部接受，請逐項檢視，不適用的請按「不接受」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="123"/>
        <source>沒有需要順延的年份，按「建立」即可建立新計畫。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="163"/>
        <source>建立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/clone_wizard.py" line="171"/>
        <source>「{0}」已有 {1} 年度的計畫（編號 {2}），仍要再建立一份嗎？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsEditor</name>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="18"/>
        <source>部門</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="18"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="26"/>
        <source>選擇或輸入部門名稱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="28"/>
        <source>加入部門</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="35"/>
        <source>設為主辦</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="36"/>
        <source>設為協辦</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="37"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="38"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/departments_editor.py" line="39"/>
        <source>移除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailEditor</name>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="28"/>
        <source>例如：服務一致及正確性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="30"/>
        <source>具體作法的內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="36"/>
        <source>加上編號（如 一、(一)、1.）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="40"/>
        <source>標題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="41"/>
        <source>內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="42"/>
        <source>承辦部門</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="43"/>
        <source>執行期間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="45"/>
        <source>修改標題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="47"/>
        <source>修改內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="48"/>
        <source>修改執行期間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="49"/>
        <source>修改編號</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="51"/>
        <source>修改承辦部門</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="70"/>
        <source>請在項目表中選取一個項目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="76"/>
        <location filename="../../desktop/gui/detail_editor.py" line="116"/>
        <location filename="../../desktop/gui/detail_editor.py" line="125"/>
        <source>項目 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/detail_editor.py" line="76"/>
        <location filename="../../desktop/gui/detail_editor.py" line="116"/>
        <location filename="../../desktop/gui/detail_editor.py" line="125"/>
        <source>項目（不編號）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="36"/>
        <source>新舊對照表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="45"/>
        <source>說明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="45"/>
        <source>本年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="45"/>
        <source>上年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="46"/>
        <source>差異</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="46"/>
        <source>內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="51"/>
        <source>另存對照表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="53"/>
        <source>關閉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="56"/>
        <source>與此計畫比較（上年度）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="76"/>
        <source>計畫庫中沒有其他計畫可比較。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="83"/>
        <source>差異：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="84"/>
        <source>兩個計畫內容相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="101"/>
        <source>對照表只能存成 .docx 或 .odt，請改用其中之一的副檔名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="103"/>
        <source>請先選擇要比較的計畫。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="108"/>
        <source>另存對照表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/diff_view.py" line="118"/>
        <source>對照表已存成 {0}。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="24"/>
        <source>Word 文件（.docx）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="25"/>
        <source>Word 文件 (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="26"/>
        <source>ODF 開放文件（.odt，可編輯，政府公開用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="27"/>
        <source>ODF 文字文件 (*.odt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="28"/>
        <source>PDF（不可編輯，需要 LibreOffice）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="29"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="65"/>
        <source>匯出計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="74"/>
        <source>全部部門（完整計畫）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="79"/>
        <source>瀏覽…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="84"/>
        <source>匯出後開啟檔案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="86"/>
        <source>只匯出某部門時，會保留該部門主辦或協辦的項目及其上層標題。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="90"/>
        <source>格式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="91"/>
        <source>部門：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="92"/>
        <source>存檔位置：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="94"/>
        <source>匯出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="95"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="139"/>
        <source>匯出為</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="148"/>
        <source>請先選擇存檔位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="156"/>
        <source>正在匯出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/export_dialog.py" line="163"/>
        <source>已匯出至 {0}，但找不到可開啟此類檔案的程式。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="25"/>
        <source>匯入舊計畫 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="29"/>
        <source>{0} {1} 年度：{2}（{3} 個項目、{4} 個章節）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="30"/>
        <source>（未辨識單位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="30"/>
        <source>（無標題）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="37"/>
        <source>項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="37"/>
        <source>承辦部門</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="37"/>
        <source>執行期間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="39"/>
        <source>計畫表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="41"/>
        <source>章節與段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="43"/>
        <source>章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="46"/>
        <source>文件的全部內容都已放入計畫。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="47"/>
        <source>匯入報告（{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="53"/>
        <source>匯入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="54"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/import_dialog.py" line="85"/>
        <source>（計畫表）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="29"/>
        <source>計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="29"/>
        <source>狀態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="70"/>
        <source>（未填單位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="76"/>
        <source>{0} 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="78"/>
        <source>（未命名計畫）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="107"/>
        <source>計畫庫以唯讀方式開啟（另一個 PlanDesk 正在使用它），無法新增或刪除計畫。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="137"/>
        <source>{0}（複本）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="148"/>
        <location filename="../../desktop/gui/library_panel.py" line="153"/>
        <source>重新命名計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="148"/>
        <source>計畫名稱：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="165"/>
        <source>要刪除「{0}」嗎？刪除後可從「檔案 → 資源回收筒」復原。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="178"/>
        <source>資源回收筒是空的。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="181"/>
        <source>資源回收筒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/library_panel.py" line="181"/>
        <source>要復原的計畫：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/actions.py" line="15"/>
        <source>新增計畫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="16"/>
        <source>匯入舊計畫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="17"/>
        <source>匯出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="18"/>
        <source>預覽列印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="19"/>
        <source>資源回收筒…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="20"/>
        <source>結束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="21"/>
        <location filename="../../desktop/gui/main_window.py" line="246"/>
        <source>復原</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="22"/>
        <location filename="../../desktop/gui/main_window.py" line="247"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="23"/>
        <source>剪下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="24"/>
        <source>複製</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="25"/>
        <source>貼上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="26"/>
        <source>新增同層項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="27"/>
        <source>新增子項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="28"/>
        <source>縮排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="29"/>
        <source>凸排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="30"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="31"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="32"/>
        <source>刪除項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="33"/>
        <source>修改標題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="34"/>
        <source>搜尋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="35"/>
        <source>重新命名計畫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="36"/>
        <source>建立計畫複本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="37"/>
        <source>刪除計畫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="38"/>
        <source>複製為新年度計畫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="39"/>
        <source>新舊對照表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="40"/>
        <location filename="../../desktop/gui/main_window.py" line="79"/>
        <source>計畫資料與章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="41"/>
        <source>鍵盤操作…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="42"/>
        <source>關於 PlanDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="46"/>
        <source>檔案(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="48"/>
        <source>編輯(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="50"/>
        <source>計畫(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="52"/>
        <source>檢視(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="53"/>
        <source>說明(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/actions.py" line="101"/>
        <source>工具列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="60"/>
        <source>計畫庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="61"/>
        <source>搜尋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="78"/>
        <source>執行策略及具體作法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="96"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="96"/>
        <source>複本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="96"/>
        <source>重新命名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="96"/>
        <source>刪除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="151"/>
        <source>關於</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="162"/>
        <source>已自動儲存（{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="199"/>
        <source>計畫已移到資源回收筒（檔案 → 資源回收筒 可復原）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="228"/>
        <source>（唯讀）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="230"/>
        <source>（已核定，唯讀）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="237"/>
        <source>另一個 PlanDesk 正在使用這個計畫庫，本視窗為唯讀，只能查看與匯出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="240"/>
        <source>此計畫已核定，內容唯讀；如需修改，請在「計畫資料與章節」把狀態改回「陳核」或「草稿」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="246"/>
        <source>復原 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="247"/>
        <source>重做 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="261"/>
        <source>另一個 PlanDesk 視窗正在使用這個計畫庫，本視窗以唯讀方式開啟，修改請在原視窗進行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="291"/>
        <source>匯入舊計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="295"/>
        <source>匯出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="300"/>
        <source>預覽列印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="305"/>
        <source>複製為新年度計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="310"/>
        <source>新舊對照表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="323"/>
        <source>檢查結果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="11"/>
        <source>新增計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="12"/>
        <source>從五大面向範本開始（基礎服務 … 開放創新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="13"/>
        <source>空白計畫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="16"/>
        <source>例如：花蓮區營業處</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="20"/>
        <source> 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="22"/>
        <source>單位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/new_plan_dialog.py" line="23"/>
        <source>年度（民國）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="28"/>
        <source>計畫資料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="42"/>
        <source> 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="44"/>
        <source>年度（民國）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="50"/>
        <source>版面格式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="54"/>
        <source>狀態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="59"/>
        <source>表格欄位 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="127"/>
        <source>修改計畫資料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="142"/>
        <source>此計畫已核定。確定要改回「{0}」並開放修改嗎？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="144"/>
        <source>核定後計畫內容將不能修改，確定要設為「核定」嗎？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/plan_editor.py" line="149"/>
        <source>變更狀態</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTreeView</name>
    <message>
        <location filename="../../desktop/gui/tree_view.py" line="75"/>
        <source>不能把項目移到它自己底下，請選擇其他位置。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="41"/>
        <source>正在以 LibreOffice 產生預覽…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="46"/>
        <source>預覽列印 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="70"/>
        <source>共 {0} 頁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="71"/>
        <source>另存 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="73"/>
        <source>列印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="75"/>
        <source>關閉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="78"/>
        <source>縮放：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="105"/>
        <source>另存 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="106"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="124"/>
        <source>正在準備列印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_preview.py" line="128"/>
        <source>無法開始列印，請確認印表機已連線後再試。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/gui/search_panel.py" line="20"/>
        <source>搜尋所有計畫（例如：電費）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/search_panel.py" line="43"/>
        <source>找不到「{0}」。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionsEditor</name>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="40"/>
        <location filename="../../desktop/gui/sections_editor.py" line="221"/>
        <source>新增章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="40"/>
        <location filename="../../desktop/gui/sections_editor.py" line="233"/>
        <source>刪除章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="41"/>
        <location filename="../../desktop/gui/sections_editor.py" line="62"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="42"/>
        <location filename="../../desktop/gui/sections_editor.py" line="63"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="43"/>
        <source>章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="57"/>
        <source>段落加上編號（一、二、…）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="60"/>
        <location filename="../../desktop/gui/sections_editor.py" line="272"/>
        <source>新增段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="61"/>
        <location filename="../../desktop/gui/sections_editor.py" line="280"/>
        <source>刪除段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="64"/>
        <source>表格下方附註（※，一行一則）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="69"/>
        <source>章節內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="71"/>
        <source>標題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="72"/>
        <location filename="../../desktop/gui/sections_editor.py" line="127"/>
        <source>段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="75"/>
        <source>段落內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="103"/>
        <location filename="../../desktop/gui/sections_editor.py" line="199"/>
        <source>（表格）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="127"/>
        <source>表格前說明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="216"/>
        <source>修改章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="220"/>
        <source>新章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="228"/>
        <source>「執行策略及具體作法」表格章節不能刪除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="230"/>
        <source>要刪除章節「{0}」嗎？（可用「復原」救回）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="240"/>
        <source>移動章節</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="259"/>
        <source>修改段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="266"/>
        <source>修改段落編號</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/sections_editor.py" line="288"/>
        <source>移動段落</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/gui/shortcuts_help.py" line="23"/>
        <source>鍵盤操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/shortcuts_help.py" line="26"/>
        <source>功能</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/shortcuts_help.py" line="26"/>
        <source>按鍵</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreeController</name>
    <message>
        <location filename="../../desktop/gui/controller.py" line="70"/>
        <source>請先在左邊的項目表中選取一個項目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="88"/>
        <source>新增項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="98"/>
        <source>新增子項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="127"/>
        <source>「{0}」底下還有 {1} 個項目，要一併刪除嗎？（可用「復原」救回）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="133"/>
        <source>刪除項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="153"/>
        <source>剪下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="163"/>
        <source>剪貼簿中沒有計畫項目，請先在項目表中複製或剪下項目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/gui/controller.py" line="168"/>
        <source>貼上</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>busy</name>
    <message>
        <location filename="../../desktop/gui/busy.py" line="24"/>
        <source>請稍候</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/gui/crash.py" line="38"/>
        <source>發生未預期的錯誤，剛才的操作可能沒有完成；已存的內容不受影響，詳細資訊已記錄在 {0}。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hooks</name>
    <message>
        <location filename="../../desktop/gui/hooks.py" line="26"/>
        <source>這個版本尚未提供「{0}」功能，請更新 PlanDesk 後再試。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
