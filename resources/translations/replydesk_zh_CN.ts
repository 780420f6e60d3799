<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="45" />
        <source>About ReplyDesk</source>
        <translation>关于答复助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="58" />
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="63" />
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="70" />
        <source>Portable: all data is kept in %1</source>
        <translation>便携模式：所有数据保存在 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="72" />
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="87" />
        <source>The licence file %1 is missing.</source>
        <translation>缺少许可协议文件 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="89" />
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="100" />
        <source>The third-party notices file %1 is missing.</source>
        <translation>缺少第三方软件声明文件 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="104" />
        <source>Third-party software</source>
        <translation>第三方软件</translation>
    </message>
</context>
<context>
    <name>AgencyTab</name>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="54" />
        <source>e.g. 南通市科学技术局</source>
        <translation>例如：南通市科学技术局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="56" />
        <source>e.g. 江苏省、崇川区、海门区</source>
        <translation>如 江苏省、崇川区、海门区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="60" />
        <source>Places that count as your own besides those in the agency name: a paragraph reused from another letter that names another place is flagged.</source>
        <translation>除发文机关名称中的地名外，也算作本地的地名；引用其他答复的段落提到别处地名时会提示核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="64" />
        <source>Printed as 签发人 when set</source>
        <translation>填写后在答复中印作“签发人”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="67" />
        <source>e.g. 0513-85000000</source>
        <translation>例如：0513-85000000</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="69" />
        <source>Separate units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="70" />
        <source>e.g. 通科函</source>
        <translation>例如：通科函</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="71" />
        <source>e.g. 科技</source>
        <translation>例如：科技</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="73" />
        <source>Used in the thanks: 衷心感谢您对我市……工作的关心和支持</source>
        <translation>用于致谢语：衷心感谢您对我市……工作的关心和支持</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="76" />
        <source>Ask the deputy to return the feedback form (征询意见表)</source>
        <translation>请代表委员填写并寄回征询意见表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="81" />
        <source>Warn before export when the contact name or phone is missing</source>
        <translation>联系人或联系电话未填写时，导出前提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="113" />
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="115" />
        <source>Warn when the plain-text body for an online handling system is longer.</source>
        <translation>供网上办理系统使用的纯文本正文超过此字数时提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="121" />
        <location filename="../../desktop/ui/settings_agency.py" line="126" />
        <source> months after assignment</source>
        <translation> 个月（自交办日起）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="87" />
        <source>Profile</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="89" />
        <source>Agency name (signature)</source>
        <translation>发文机关（落款）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="90" />
        <source>Own places</source>
        <translation>本地地名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="91" />
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="92" />
        <source>Default contact</source>
        <translation>默认联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="93" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="94" />
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="95" />
        <source>Document number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="96" />
        <source>Work field</source>
        <translation>工作领域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="97" />
        <source>Feedback form</source>
        <translation>征询意见表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="98" />
        <source>Contact line</source>
        <translation>联系人行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="99" />
        <source>Plain-text limit</source>
        <translation>纯文本字数上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="100" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="101" />
        <source>Remind</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="102" />
        <source>Co-organizer deadline</source>
        <translation>协办（会办）期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="131" />
        <source> days before the deadline</source>
        <translation> 天（办理期限前）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="134" />
        <source>The reminder above the cases lists the cases not yet answered that are due within this many days, and those overdue.</source>
        <translation>窗口上方的提醒列出在这么多天内到期、尚未答复的案件，以及已超期的案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="142" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="153" />
        <source>Choose seal image…</source>
        <translation>选择印章图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="170" />
        <source>A PNG with a transparent background looks best; it is pressed over the agency name and date. Common sizes: 42, 45 or 50 mm.</source>
        <translation>建议使用透明背景的 PNG 图片，印章盖在发文机关名称和日期上。常用直径：42、45 或 50 mm。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="178" />
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="197" />
        <source>No seal image</source>
        <translation>未设置印章图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="203" />
        <source>Letter format</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="206" />
        <source>函 — letter format, no 印发 line</source>
        <translation>函（信函格式，无印发机关和印发日期）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="207" />
        <source>版记 — with 印发机关 and 印发日期</source>
        <translation>版记（带分隔线、印发机关和印发日期）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="210" />
        <source>Empty: the agency name</source>
        <translation>留空则用发文机关名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="213" />
        <source>e.g. 2026-06-01; empty: the letter's date</source>
        <translation>如 2026-06-01；留空则用成文日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="217" />
        <source>函: 抄送 at the foot of the last page, no rules, no page number on page 1. 版记: 抄送 and the 印发 line between rules, on an even page.</source>
        <translation>函：抄送印在末页版心最下方，不加分隔线，首页不显示页码。版记：抄送和印发机关、印发日期印在分隔线之间，位于偶数页（双面印刷的最后一面）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="226" />
        <source>Format</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="227" />
        <source>Issued by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="228" />
        <source>Issue date</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="251" />
        <source>Cannot show this image</source>
        <translation>无法显示此图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="257" />
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="259" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_agency.py" line="279" />
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="47" />
        <source>Import assignment list</source>
        <translation>导入交办清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="54" />
        <source>Choose the assignment list (.xlsx, .xls, .et or .csv). Check which column fills which field and the rows below; nothing is stored until you press Import. A case already in the library with the same session and number is updated.</source>
        <translation>选择交办清单（WPS 表格或其他电子表格文件），核对各列对应的案件字段和下方各行；按“导入”之前不会保存任何内容。资料库中同一会议、同一编号的案件将按清单更新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="85" />
        <source>Choose list…</source>
        <translation>选择清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="90" />
        <source>The session the cases belong to</source>
        <translation>案件所属会议（届次）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="95" />
        <source>Optional: the folder with the proposals' texts</source>
        <translation>可选：建议/提案原文所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="97" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="101" />
        <source>List:</source>
        <translation>交办清单：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="102" />
        <source>Session:</source>
        <translation>会议：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="103" />
        <source>Proposal texts:</source>
        <translation>原文：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="107" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="111" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="121" />
        <source>Assignment lists ({patterns})</source>
        <translation>交办清单 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="122" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="125" />
        <source>Choose the assignment list</source>
        <translation>选择交办清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="132" />
        <source>Folder of proposal texts</source>
        <translation>建议/提案原文文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="142" />
        <source>Reading the list…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="160" />
        <source>No column is mapped to: {fields}. Choose it in the list on the left.</source>
        <translation>没有列对应：{fields}。请在左侧为相应的列选择字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="164" />
        <source>{total} cases to import: {new} new, {updates} updates.</source>
        <translation>将导入 {total} 件：新建 {new} 件，更新 {updates} 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="168" />
        <source>{count} rows cannot be imported (in red).</source>
        <translation>{count} 行无法导入（红色显示）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="192" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="218" />
        <source>Imported: {new} new cases, {updated} updated.</source>
        <translation>已导入：新建 {new} 件，更新 {updated} 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="223" />
        <source>Not imported: {rows}</source>
        <translation>未导入：{rows}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="226" />
        <source>{count} proposal texts attached.</source>
        <translation>已附加 {count} 份建议/提案原文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_dialog.py" line="229" />
        <source>Not attached: {files}</source>
        <translation>未附加：{files}</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="55" />
        <source>Export all answered cases</source>
        <translation>导出全部已答复案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="74" />
        <source>All sessions</source>
        <translation>全部会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="77" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="82" />
        <source>Also PDF (through LibreOffice)</source>
        <translation>同时生成 PDF（通过 LibreOffice）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="86" />
        <location filename="../../desktop/ui/batch_export_dialog.py" line="182" />
        <source>LibreOffice is not installed: no PDFs.</source>
        <translation>未安装 LibreOffice，不生成 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="88" />
        <source>Session:</source>
        <translation>会议：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="89" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="102" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="102" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="102" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="115" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="118" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="120" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="127" />
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="142" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="149" />
        <source>Stopping after the current case…</source>
        <translation>当前案件导出后停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="157" />
        <source>Exported %1 of %2 cases</source>
        <translation>已导出 %1/%2 件案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="167" />
        <source>Written</source>
        <translation>已写出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="177" />
        <source>%1 case(s): %2 file(s) written, %3 not written. Folder: %4</source>
        <translation>共 %1 件案件：写出 %2 个文件，%3 个未能写出。文件夹：%4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="184" />
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="188" />
        <source>Stopped: the files already written stay.</source>
        <translation>已停止：已写出的文件保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="189" />
        <source>%1 file(s) written before stopping.</source>
        <translation>停止前已写出 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/batch_export_dialog.py" line="196" />
        <source>The export stopped because of an internal error; the details are in the log.</source>
        <translation>导出因内部错误而中止，详情见日志文件。</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../desktop/ui/block_editor.py" line="188" />
        <source>Change to “{0}”</source>
        <translation>改为“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_editor.py" line="190" />
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_editor.py" line="226" />
        <source>Edit this template text</source>
        <translation>编辑这段模板文字</translation>
    </message>
</context>
<context>
    <name>BlockWidget</name>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="54" />
        <source>Drag to move this paragraph</source>
        <translation>拖动可移动本段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="108" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="109" />
        <source>Edit text</source>
        <translation>编辑文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="112" />
        <source>Replace the template by its text, to change it for this letter</source>
        <translation>把模板换成它的文字，以便在本答复中修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="116" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="123" />
        <source>in {0}</source>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="125" />
        <source>No. {0}</source>
        <translation>资料编号 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="126" />
        <source>From: {0}</source>
        <translation>出处：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/block_widget.py" line="129" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="84" />
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="86" />
        <source>Edit case No. {number}</source>
        <translation>编辑第 {number} 号案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="138" />
        <source>Fill from the suggestion text</source>
        <translation>从建议原文填入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="142" />
        <source>Paste the suggestion, its portal page or an earlier reply here, or choose a file. Empty fields are filled from what is found; what you typed is kept.</source>
        <translation>在此粘贴建议原文、网上办理平台页面或以往答复，也可选择文件。空白栏目按识别结果填入，已填写的内容保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="150" />
        <source>Paste text here</source>
        <translation>在此粘贴文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="118" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="122" />
        <source>Progress…</source>
        <translation>办理经过…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="126" />
        <source>Status history, co-organizers' opinions and the deputy's feedback</source>
        <translation>状态变更记录、协办单位意见和代表委员的反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="151" />
        <source>Read from file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="205" />
        <source>{code} (not in the current scheme)</source>
        <translation>{code}（不在当前分类方案中）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="230" />
        <source>From the profile: {value}</source>
        <translation>取自单位信息：{value}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="279" />
        <source>{count} proposers, but {listed} names are listed.</source>
        <translation>提出人数为 {count}，但列出的姓名有 {listed} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="285" />
        <source>The due date is before the assignment date.</source>
        <translation>办理期限早于交办日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="291" />
        <location filename="../../desktop/ui/case_dialog.py" line="328" />
        <source>Case No. {number} of this session is already in the list.</source>
        <translation>本届次第 {number} 号案件已在列表中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="305" />
        <source>Changed by someone else</source>
        <translation>案件已被别人修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="307" />
        <source>Your entries are still in the form. To see the change, cancel and open the case again; to save your entries over it, press OK again.</source>
        <translation>您填写的内容仍在窗口中。要查看对方的修改，请取消后重新打开案件；要以您填写的内容为准覆盖它，请再次点击“确定”。</translation>
    </message>
</context>
<context>
    <name>CaseFeedback</name>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="27" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="28" />
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="29" />
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="46" />
        <source>Show cases by their status</source>
        <translation>按办理状态筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="47" />
        <source>Show cases by organizer role</source>
        <translation>按主办/协办筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="48" />
        <source>Show cases by their deadline</source>
        <translation>按办理期限筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="49" />
        <source>Show cases by their category</source>
        <translation>按答复类别筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="50" />
        <source>Show cases by the feedback</source>
        <translation>按代表委员的反馈意见筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="51" />
        <source>Show the cases of a clerk</source>
        <translation>按经办人显示案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="54" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="56" />
        <source>Clear these filters</source>
        <translation>清除这些筛选条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="92" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="93" />
        <source>Not answered yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="98" />
        <source>Main and co-organizer</source>
        <translation>主办和协办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="99" />
        <source>Main organizer (主办)</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="100" />
        <source>Co-organizer (协办)</source>
        <translation>协办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="103" />
        <source>Any feedback</source>
        <translation>全部反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="106" />
        <source>No feedback yet</source>
        <translation>尚无反馈</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="113" />
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="114" />
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/cases_filters.py" line="115" />
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>%n 天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/cases_filters.py" line="116" />
        <source>Overdue or due within %n day(s)</source>
        <translation>
            <numerusform>已超期或 %n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="127" />
        <source>All clerks</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="128" />
        <source>My cases ({name})</source>
        <translation>我的案件（{name}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="129" />
        <source>Not assigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="146" />
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="148" />
        <source>Category {code}</source>
        <translation>{code}类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_filters.py" line="149" />
        <source>No category</source>
        <translation>未定类别</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="98" />
        <source>e.g. 277</source>
        <translation>例如：277</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="99" />
        <source>e.g. 市十六届人大四次会议</source>
        <translation>例如：市十六届人大四次会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="105" />
        <source>e.g. 关于……的建议</source>
        <translation>例如：关于……的建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="107" />
        <source>Lead first; separate names with 、 or commas</source>
        <translation>领衔人在前，姓名之间用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="112" />
        <source>As many as listed</source>
        <translation>按所列人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="114" />
        <source>For joint suggestions: the number of deputies, e.g. 5 for “张三等5位代表”.</source>
        <translation>联名建议填写代表人数，例如“张三等5位代表”填 5。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="119" />
        <source>Deputy (suggestion)</source>
        <translation>人大代表（建议）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="120" />
        <source>CPPCC member (proposal)</source>
        <translation>政协委员（提案）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="128" />
        <source>The text of the suggestion or proposal (optional)</source>
        <translation>建议或提案的正文（选填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="133" />
        <source>Suggestion / proposal</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="135" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="136" />
        <source>Session</source>
        <translation>届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="137" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="138" />
        <source>Proposers</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="139" />
        <source>Number of proposers</source>
        <translation>提出人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="140" />
        <source>Proposer is a</source>
        <translation>提出人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="142" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="150" />
        <source>Main organizer: reply to the deputy</source>
        <translation>主办单位：直接答复代表委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="151" />
        <source>Co-organizer: opinion to the main organizer</source>
        <translation>协办单位：向主办单位提出会办意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="155" />
        <source>Required for a co-organizer opinion</source>
        <translation>出具会办意见时必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="157" />
        <source>Separate units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="160" />
        <source>Not decided yet</source>
        <translation>暂未确定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="163" />
        <source>Assigned on</source>
        <translation>交办于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="164" />
        <source>Due by</source>
        <translation>截止于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="173" />
        <source>The clerk who works on this case; empty: nobody yet</source>
        <translation>办理此案件的经办人；空着表示尚未分派</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="176" />
        <source>Only an administrator assigns cases</source>
        <translation>只有管理员可以分派案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="179" />
        <source>Handling</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="181" />
        <source>We are the</source>
        <translation>本单位为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="182" />
        <source>Main organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="183" />
        <source>Co-organizers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="184" />
        <source>Answer category</source>
        <translation>答复类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="185" />
        <source>Assignment date</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="188" />
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="192" />
        <source>{main} months after assignment as main organizer, {co} as co-organizer, unless you change it</source>
        <translation>默认主办为交办后 {main} 个月、协办为 {co} 个月，可修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="196" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="197" />
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="202" />
        <source>Dated</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="203" />
        <source>e.g. 通科函〔2020〕12号</source>
        <translation>例如：通科函〔2020〕12号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="206" />
        <source>Separate units with 、; empty: no copy-to block</source>
        <translation>多个单位用“、”分隔；留空则不印抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="209" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="213" />
        <source>Reply date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="216" />
        <source>When not set: the day the reply is exported</source>
        <translation>不填时取导出答复当天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="218" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="219" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="220" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="221" />
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_form.py" line="222" />
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
</context>
<context>
    <name>CaseOpinion</name>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="37" />
        <source>Expected</source>
        <translation>待收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="38" />
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="39" />
        <source>Overdue</source>
        <translation>逾期未收</translation>
    </message>
</context>
<context>
    <name>CasePaste</name>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="64" />
        <source>Documents ({patterns})</source>
        <translation>文档 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="73" />
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="112" />
        <source>Filled: {fields}.</source>
        <translation>已填入：{fields}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="112" />
        <location filename="../../desktop/ui/case_paste.py" line="115" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="122" />
        <source>Nothing new found for the empty fields.</source>
        <translation>没有找到可填入空白栏目的新内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="62" />
        <source>Read the suggestion or proposal from a file</source>
        <translation>从文件读取建议或提案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="115" />
        <source>Kept what you typed: {fields}.</source>
        <translation>保留了您已填写的：{fields}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="118" />
        <source>Proposer's phone: {phone}.</source>
        <translation>提出人电话：{phone}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="130" />
        <source>{name} does not look like a suggestion or proposal: no number, title or proposer found. Nothing was filled.</source>
        <translation>{name} 不像一份建议或提案：没有找到编号、标题或提出人，未填入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="134" />
        <source>No number, title or proposer found in this text. Nothing was filled.</source>
        <translation>这段文字中没有找到编号、标题或提出人，未填入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="152" />
        <source>{field} (the text says “{value}”)</source>
        <translation>{field}（原文为“{value}”）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="160" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="161" />
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="162" />
        <source>session</source>
        <translation>届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="163" />
        <source>proposers</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="164" />
        <source>seconders</source>
        <translation>附议人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="165" />
        <source>delegation</source>
        <translation>代表团/界别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="170" />
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="183" />
        <source>number of proposers</source>
        <translation>提出人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="187" />
        <source>role</source>
        <translation>提出人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_paste.py" line="192" />
        <source>kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>CaseProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="119" />
        <source>Change the status</source>
        <translation>改变办理状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="123" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="127" />
        <source>To</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="129" />
        <source>on</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="135" />
        <source>History</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="138" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="138" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="138" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="138" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="155" />
        <source>Co-organizers' opinions</source>
        <translation>协办单位意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="159" />
        <source>Unit</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="159" />
        <source>Expected by</source>
        <translation>应收日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="159" />
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="159" />
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="160" />
        <source>Letter</source>
        <translation>意见函</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="166" />
        <source>Mark received</source>
        <translation>记为已收到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="169" />
        <source>Attach the letter…</source>
        <translation>附意见函…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="172" />
        <source>Import the opinion letter into the library, linked to this case</source>
        <translation>把协办意见函导入资料库，并与本案关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="177" />
        <source>received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="195" />
        <source>Feedback of the deputy or member</source>
        <translation>代表委员反馈意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="204" />
        <source>Remarks (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="205" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="226" />
        <source>Progress of case No. {number}</source>
        <translation>第{number}号案件的办理经过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="228" />
        <source>No. {number} {title} — now: {status} (round {round})</source>
        <translation>第{number}号　{title}　现状：{status}（第 {round} 轮）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="242" />
        <source>Reply of round {round}: library letter {id}</source>
        <translation>第 {round} 轮答复：资料库文件 {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="247" />
        <source>Who changed it:</source>
        <translation>修改记录：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="275" />
        <source>We are a co-organizer: our opinion letter (会办意见) is drafted in the composer from the co-organizer templates and sent to {main}, due {due}.</source>
        <translation>本单位为协办单位：会办意见在起草区按协办模板起草，送{main}，期限 {due}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="283" />
        <source>Round {round}: {answer} ({date}) {remarks}</source>
        <translation>第 {round} 轮：{answer}（{date}）{remarks}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="289" />
        <source>No feedback recorded yet.</source>
        <translation>尚未记录反馈。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="330" />
        <source>Choose the co-organizer's opinion letter</source>
        <translation>选择协办单位的意见函</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_progress.py" line="332" />
        <source>Documents ({patterns})</source>
        <translation>文档 ({patterns})</translation>
    </message>
</context>
<context>
    <name>CaseProposalRows</name>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="31" />
        <source>From the proposer's role</source>
        <translation>按提出人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="32" />
        <source>Suggestion (建议)</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="33" />
        <source>Proposal (提案)</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="34" />
        <source>Motion (议案)</source>
        <translation>议案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="39" />
        <source>Separate names with 、</source>
        <translation>姓名之间用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="42" />
        <source>e.g. 崇川区代表团, 民进界</source>
        <translation>如：崇川区代表团、民进界</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="43" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="44" />
        <source>Seconders</source>
        <translation>附议人/联名人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_proposal_rows.py" line="45" />
        <source>Delegation / sector</source>
        <translation>代表团/界别/单位</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="13" />
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="14" />
        <source>Drafting</source>
        <translation>起草中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="15" />
        <source>In review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="16" />
        <source>Awaiting sign-off</source>
        <translation>待签发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="17" />
        <source>Sent</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="18" />
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_labels.py" line="19" />
        <source>Handling again</source>
        <translation>重新办理</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="116" />
        <source>Co-organizer</source>
        <translation>协办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="116" />
        <source>Main organizer</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="120" />
        <source>Reply sent</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="123" />
        <source>No due date: enter the date the case was assigned</source>
        <translation>无办理期限：请填写交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="125" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="127" />
        <source>1 day left</source>
        <translation>还剩 1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="129" />
        <source>{days} days left</source>
        <translation>还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="131" />
        <source>Overdue by 1 day</source>
        <translation>已超期 1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="132" />
        <source>Overdue by {days} days</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="155" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="156" />
        <source>Proposer</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="157" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="158" />
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="159" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="160" />
        <source>Role</source>
        <translation>主/协办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="161" />
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_model.py" line="192" />
        <source>Feedback: {answer}</source>
        <translation>反馈意见：{answer}</translation>
    </message>
</context>
<context>
    <name>CasesPane</name>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="73" />
        <source>Filter by number, name or title</source>
        <translation>按编号、姓名或标题筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="86" />
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="89" />
        <source>Import list…</source>
        <translation>导入交办清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="93" />
        <source>Import the assignment list: the sheet of suggestions and proposals assigned to the agency</source>
        <translation>导入交办清单：交办给本单位的建议、提案一览表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="219" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="222" />
        <source>Duplicate…</source>
        <translation>复制案件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="225" />
        <source>Progress…</source>
        <translation>办理经过…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="228" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="240" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="273" />
        <source>Delete case No. {number} “{title}” and its {versions} saved draft version(s)? This cannot be undone.</source>
        <translation>要删除第{number}号案件《{title}》及其 {versions} 个草稿版本吗？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="281" />
        <source>Delete case</source>
        <translation>删除案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="301" />
        <source>Duplicate case No. {number}</source>
        <translation>复制第{number}号案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="381" />
        <source>No cases yet. Click “New case…” to enter the suggestion or proposal you are answering.</source>
        <translation>还没有案件。点击“新建案件…”，录入要答复的建议或提案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="388" />
        <source>No case matches “{text}”.</source>
        <translation>没有与“{text}”匹配的案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="392" />
        <source>No case meets the conditions chosen above.</source>
        <translation>没有符合上方所选条件的案件。</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../desktop/ui/settings_categories.py" line="44" />
        <source>The category is printed at the top right of page 1 (e.g. “A类”). The reply templates are written for A, B and C: D uses the C templates, 甲/乙/丙 use A/B/C.</source>
        <translation>答复类别印在第 1 页右上角（如“A类”）。答复模板按 A、B、C 三类编写：D 类使用 C 类模板，甲、乙、丙类分别使用 A、B、C 类模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_categories.py" line="53" />
        <source>Scheme</source>
        <translation>分类方案</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="93" />
        <source>Opening</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="94" />
        <source>Current situation</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="95" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="96" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="123" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="125" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="134" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="137" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="139" />
        <source>Delete paragraph</source>
        <translation>删除段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="141" />
        <source>New paragraph</source>
        <translation>新增段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="145" />
        <source>Apply correction</source>
        <translation>采纳更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="147" />
        <source>Next problem</source>
        <translation>下一处问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="212" />
        <source>Undo: {0}</source>
        <translation>撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="215" />
        <source>Redo: {0}</source>
        <translation>重做：{0}</translation>
    </message>
</context>
<context>
    <name>ComposerProofing</name>
    <message>
        <location filename="../../desktop/ui/composer_proofing.py" line="52" />
        <source>%n problem(s) found</source>
        <translation>发现 %n 处问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer_proofing.py" line="54" />
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer_proofing.py" line="58" />
        <source>Template error</source>
        <translation>模板错误</translation>
    </message>
</context>
<context>
    <name>DraftChangedBar</name>
    <message>
        <location filename="../../desktop/ui/change_watch.py" line="79" />
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/change_watch.py" line="82" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/change_watch.py" line="94" />
        <source>{clerk} saved version {version} of this draft at {when}. Your text is unchanged; saving it will show both versions.</source>
        <translation>{clerk}于 {when} 保存了这份草稿的第 {version} 版。您的文字没有改动；保存时会显示两个版本。</translation>
    </message>
</context>
<context>
    <name>DraftConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="41" />
        <source>Someone else saved this draft</source>
        <translation>别人已保存了这份草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="47" />
        <source>{clerk} saved version {version} of this draft at {when}, after you started from version {base}. Nothing is lost: compare the two, then keep yours, take theirs, or copy passages from one to the other.</source>
        <translation>{clerk}于 {when} 保存了这份草稿的第 {version} 版，而您是在第 {base} 版上修改的。什么都没有丢失：请比较两个版本，然后保留您的、采用对方的，或在两者之间复制段落。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="53" />
        <source>{clerk} saved version {version} of this draft at {when}; when you started, it had not been saved yet. Nothing is lost: compare the two, then keep yours, take theirs, or copy passages from one to the other.</source>
        <translation>{clerk}于 {when} 保存了这份草稿的第 {version} 版，而您开始修改时这份草稿还没有保存过。什么都没有丢失：请比较两个版本，然后保留您的、采用对方的，或在两者之间复制段落。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="64" />
        <source>Version {version} by {clerk}</source>
        <translation>{clerk}保存的第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="66" />
        <source>Your text (not saved yet)</source>
        <translation>您的文字（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="71" />
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="73" />
        <source>Save your text as the newest version; theirs stays in the version history</source>
        <translation>把您的文字保存为最新版本；对方的版本留在历史版本中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="75" />
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="77" />
        <source>Open their version; your text is saved in the version history first</source>
        <translation>打开对方的版本；您的文字先保存到历史版本中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="79" />
        <source>Decide later</source>
        <translation>稍后再定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="81" />
        <source>Keep editing your text; it is kept as the working copy</source>
        <translation>继续编辑您的文字；它已留作工作副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="101" />
        <source>Copy selected text</source>
        <translation>复制选中的文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="103" />
        <source>Copy the selection to paste it into the draft</source>
        <translation>复制选中的文字，以便粘贴到草稿中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="128" />
        <source>Opening</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="128" />
        <source>Current situation</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="129" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="129" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="136" />
        <source>[template text]</source>
        <translation>〔模板文字〕</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_conflict.py" line="160" />
        <source>your text when {clerk} had saved version {version}</source>
        <translation>{clerk}已保存第 {version} 版时您的文字</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="242" />
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="272" />
        <source>Edit template text</source>
        <translation>编辑模板文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="336" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="76" />
        <source>ReplyDesk — an error occurred</source>
        <translation>答复助手 — 出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="88" />
        <source>Something went wrong inside ReplyDesk. Your work is saved automatically, so you can usually carry on. If it happens again, click “Copy details” and send them to whoever looks after this computer.</source>
        <translation>答复助手内部出现了问题。您的工作会自动保存，一般可以继续操作。如果再次出现，请点击“复制详细信息”，发给负责维护这台电脑的同志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="106" />
        <location filename="../../desktop/ui/errors.py" line="136" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="109" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="120" />
        <source>Details:</source>
        <translation>详细信息：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="132" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ExportCheckDialog</name>
    <message>
        <location filename="../../desktop/ui/export_check.py" line="58" />
        <source>Check before export</source>
        <translation>导出前检查</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/export_check.py" line="61" />
        <source>Proofreading found %n problem(s) in this letter that are still open. Go back and correct them, or export the letter as it is.</source>
        <translation>
            <numerusform>校对发现这封答复还有 %n 处问题未处理。可以返回修改，也可以按原样导出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_check.py" line="86" />
        <source>Back to the letter</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_check.py" line="88" />
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_check.py" line="110" />
        <source>Change to “{0}”</source>
        <translation>改为“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_check.py" line="112" />
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
</context>
<context>
    <name>ExportPackDialog</name>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="81" />
        <source>Export a pack for colleagues</source>
        <translation>导出资料包给同事</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="88" />
        <source>Put the letters of your library into one pack file. Copy it to your colleagues yourself (USB stick, shared folder): nothing is sent over a network. Letters they already have are skipped when they import it.</source>
        <translation>把资料库中的文件打包成一个资料包文件，由您自行复制给同事（U 盘、共享文件夹），不经过任何网络发送。同事导入时，已有的文件会自动跳过。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="129" />
        <source>All letters in the library ({count})</source>
        <translation>资料库中的全部文件（{count} 份）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="132" />
        <source>Only letters added to the library since</source>
        <translation>只导出以下日期以来加入资料库的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="148" />
        <source>Counts the day a letter came into your library (imported, or received in a pack), not its reply date: what is new since you last sent a pack.</source>
        <translation>按文件加入资料库（导入或从资料包收到）的日期计算，而不是答复日期：即上次发送资料包以来新增的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="158" />
        <source>Your last pack was made on {date}.</source>
        <translation>上次导出资料包是在 {date}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="168" />
        <source>Include my edited reply templates ({count})</source>
        <translation>同时导出我修改过的答复模板（{count} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="174" />
        <source>Your colleagues get them beside their own templates, never in their place.</source>
        <translation>同事收到后另行保存，不会替换他们自己的模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="104" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="107" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="184" />
        <source>Replies pack {date}.zip</source>
        <translation>答复资料包-{date}.zip</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="187" />
        <source>Save the pack</source>
        <translation>保存资料包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="189" />
        <source>ReplyDesk pack (*.zip)</source>
        <translation>答复助手资料包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="203" />
        <source>Writing the pack…</source>
        <translation>正在写入资料包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="218" />
        <source>Pack saved: {path}</source>
        <translation>资料包已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="219" />
        <source>{letters} letters, {templates} templates.</source>
        <translation>共 {letters} 份文件、{templates} 个模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="224" />
        <source>{count} letters were left out (numbers {ids}): a paragraph longer than {limit} characters, from an older version, would make a colleague's import refuse the pack.</source>
        <translation>另有 {count} 份文件未放入资料包（编号 {ids}）：其中有旧版本导入的超过 {limit} 字的段落，同事导入时会被拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="237" />
        <source>Save as %1 instead?</source>
        <translation>改为保存为 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="239" />
        <source>File in use</source>
        <translation>文件正被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="249" />
        <source>The pack was not written because of an internal error; the details are in the log file.</source>
        <translation>因程序内部错误，资料包未导出，详情已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="47" />
        <source>Welcome to ReplyDesk</source>
        <translation>欢迎使用答复助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="51" />
        <location filename="../../desktop/ui/first_start_dialog.py" line="223" />
        <location filename="../../desktop/ui/first_start_dialog.py" line="239" />
        <source>Your agency</source>
        <translation>本单位信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="55" />
        <source>ReplyDesk signs every reply with your agency's name and prints its contact and copy-to lines. Enter them once here; you can change them later in Settings. Until your agency's name is saved, letters cannot be exported.</source>
        <translation>答复助手在每份答复上署本单位名称，并印出联系人和抄送单位。请在此填写一次，以后可在“设置”中修改。保存本单位名称之前，不能导出答复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="87" />
        <source>The full name, e.g. 如皋市科学技术局</source>
        <translation>本单位全称，例如：如皋市科学技术局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="92" />
        <source>e.g. 0513-85000000</source>
        <translation>例如：0513-85000000</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="95" />
        <source>Units separated by 、 — leave empty for no copy-to</source>
        <translation>多个单位用顿号分隔；不抄送则留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="96" />
        <source>None (replies are printed without a seal)</source>
        <translation>未设置（答复不加盖电子印章）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="101" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="110" />
        <source>Agency name *</source>
        <translation>本单位名称 *</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="111" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="112" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="113" />
        <source>Copy to (抄送)</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="114" />
        <source>Seal image (optional)</source>
        <translation>印章图片（可不设）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="120" />
        <source>Remove the sample letters now</source>
        <translation>现在删除示例文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="122" />
        <source>The sample library</source>
        <translation>示例资料库</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/first_start_dialog.py" line="125" />
        <source>The library holds %n sample reply letter(s) of %1 (published letters), loaded so that you can try searching and reusing paragraphs straight away. They are only examples: remove them here, or later with Tools → Remove sample letters.</source>
        <translation>
            <numerusform>资料库中已载入%1的 %n 份示例答复（已公开的答复），供您立即试用搜索和段落复用。它们只是示例：可在此删除，或以后通过“工具 → 删除示例文件”删除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="143" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="147" />
        <source>Later</source>
        <translation>稍后设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="157" />
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="157" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="175" />
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="224" />
        <source>The letter would be signed by the sample agency (%1): your agency's name has not been entered yet. On the office server an administrator enters it (Settings → Profile → Agency name (signature)); ask them, then export again.</source>
        <translation>答复将以示例单位（%1）的名义署名：尚未填写本单位名称。在单位服务器上，本单位信息由管理员填写（设置 → 单位信息 → 发文机关（落款））；请联系管理员，填好后再导出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start_dialog.py" line="232" />
        <source>The letter would be signed by the sample agency (%1): your agency's name has not been entered yet. Enter it first (Settings → Profile → Agency name (signature), or here now).

Enter your agency's details now?</source>
        <translation>答复将以示例单位（%1）的名义署名：尚未填写本单位名称。请先填写（设置 → 单位信息 → 发文机关（落款），或现在在此填写）。

现在填写本单位信息吗？</translation>
    </message>
</context>
<context>
    <name>FontsNotice</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/fonts_check.py" line="80" />
        <source>%n of the letter's fonts are not installed on this PC: the screen shows similar fonts instead. Exported letters still name the right fonts.</source>
        <translation>
            <numerusform>本机缺少答复所用的 %n 种字体，屏幕上以相近字体显示；导出的文件仍写明原字体。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fonts_check.py" line="92" />
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fonts_check.py" line="98" />
        <source>Hide this notice</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fonts_check.py" line="103" />
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
</context>
<context>
    <name>FontsTab</name>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="39" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="40" />
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="41" />
        <source>Headings 一、</source>
        <translation>一级标题“一、”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="42" />
        <source>Headings （一）</source>
        <translation>二级标题“（一）”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="43" />
        <source>Page numbers</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="60" />
        <source>Default: {font}</source>
        <translation>默认：{font}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="87" />
        <source>The font names are written into the Word file. Word uses them on a PC where they are installed; “(not installed)” means this PC lacks the font, so the preview and the PDF use a substitute.</source>
        <translation>字体名称会写入 Word 文件，电脑上装有该字体时 Word 即按此显示。“（未安装）”表示本机缺少该字体，预览和 PDF 将使用替代字体。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="108" />
        <source>(not installed)</source>
        <translation>（未安装）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="110" />
        <source>This PC shows {font} instead.</source>
        <translation>本机以 {font} 代替显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_fonts.py" line="112" />
        <source>This PC shows its default font instead.</source>
        <translation>本机以默认字体代替显示。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop/ui/guide_dialog.py" line="33" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/guide_dialog.py" line="40" />
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="57" />
        <source>Import letters</source>
        <translation>导入资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="62" />
        <source>Add past replies and reference documents (.txt, .docx, .doc, .wps, .rtf, text PDFs, web pages saved as .html or .mht) or whole folders. Each file is imported on its own: stopping keeps the files already imported.</source>
        <translation>添加以往答复和参考资料（.txt、.docx、.doc、.wps、.rtf、文字版 PDF、另存为 .html 或 .mht 的网页）或整个文件夹。每个文件单独导入，中途停止时已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="99" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="101" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="103" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="120" />
        <source>%v of %m files</source>
        <translation>%v / %m 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="129" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="129" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="129" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="143" />
        <source>Start import</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="146" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="149" />
        <source>Stop after the file being imported; the files already imported stay.</source>
        <translation>导入完当前文件后停止，已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="151" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="174" />
        <source>Letters ({patterns})</source>
        <translation>文档 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="174" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="177" />
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="184" />
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="205" />
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="210" />
        <source>Stopping after the current file…</source>
        <translation>当前文件导入完成后停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="220" />
        <source>Imported {done} of {total} files</source>
        <translation>已导入 {done} / {total} 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="237" />
        <source>The import stopped because of an internal error; the details are in the log file.</source>
        <translation>导入因内部错误而停止，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="251" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="252" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="253" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="281" />
        <source>{imported} imported, {duplicate} already in the library, {failed} failed.</source>
        <translation>导入 {imported} 个，资料库中已有 {duplicate} 个，失败 {failed} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="284" />
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="285" />
        <source>Import stopped; the files imported so far are kept.</source>
        <translation>导入已停止，已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="290" />
        <source>No letters found in the chosen files and folders.</source>
        <translation>所选文件和文件夹中没有找到可导入的文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="293" />
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
</context>
<context>
    <name>ImportPackDialog</name>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="297" />
        <source>Import a colleague's pack</source>
        <translation>导入同事的资料包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="303" />
        <source>Add the letters of a pack a colleague made with ReplyDesk. The pack is checked completely first: if anything is wrong with it, nothing is imported. Letters you already have are skipped. Templates in the pack are kept aside and never replace yours.</source>
        <translation>把同事用答复助手导出的资料包加入您的资料库。导入前先完整检查资料包：只要有任何问题，就一份也不导入。您已有的文件会自动跳过。资料包中的模板另行保存，不会替换您自己的模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="313" />
        <source>The pack file from your colleague</source>
        <translation>同事发来的资料包文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="314" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="324" />
        <source>%v of %m letters</source>
        <translation>%v / %m 份文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="328" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="331" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="333" />
        <source>Stop and import nothing of this pack.</source>
        <translation>停止，这个资料包中的文件一份也不导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="334" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="364" />
        <source>Choose the pack</source>
        <translation>选择资料包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="366" />
        <source>ReplyDesk pack (*.zip)</source>
        <translation>答复助手资料包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="366" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="381" />
        <location filename="../../desktop/ui/pack_dialogs.py" line="393" />
        <source>Checking the pack…</source>
        <translation>正在检查资料包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="386" />
        <source>Stopping; nothing of this pack is imported…</source>
        <translation>正在停止，这个资料包中的文件不会导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="398" />
        <source>Adding letters: {done} of {total}</source>
        <translation>正在加入文件：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="409" />
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="411" />
        <source>{added} letters added, {duplicates} already in your library, {paragraphs} new paragraphs.</source>
        <translation>新增 {added} 份文件，{duplicates} 份资料库中已有，新增段落 {paragraphs} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="415" />
        <source>The pack was made on {date}.</source>
        <translation>资料包导出于 {date}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="420" />
        <source>Its templates were saved in {folder}; your own templates are unchanged.</source>
        <translation>资料包中的模板已另存到 {folder}，您自己的模板没有改变。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="432" />
        <source>Stopped: nothing of this pack was imported.</source>
        <translation>已停止：这个资料包中的文件一份也没有导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="434" />
        <source>The pack was not imported; your library is unchanged.</source>
        <translation>资料包未导入，您的资料库保持原样。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pack_dialogs.py" line="439" />
        <source>The import stopped because of an internal error; the details are in the log file.</source>
        <translation>导入因内部错误而停止，详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>LetterCommands</name>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="100" />
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="115" />
        <source>Confirm %1</source>
        <translation>确认%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="121" />
        <source>Switch reply/reference</source>
        <translation>切换答复/参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="133" />
        <source>Move paragraph to another section</source>
        <translation>把段落移到另一部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="147" />
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="160" />
        <source>Merge paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_undo.py" line="173" />
        <source>Delete letter</source>
        <translation>删除资料</translation>
    </message>
</context>
<context>
    <name>LetterFieldsForm</name>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="103" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="104" />
        <source>Addressed to</source>
        <translation>答复对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="105" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="106" />
        <source>Number of proposers</source>
        <translation>提出人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="107" />
        <source>Suggestion/proposal number</source>
        <translation>建议/提案编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="108" />
        <source>Suggestion/proposal title</source>
        <translation>建议/提案标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="109" />
        <source>Document title</source>
        <translation>文件标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="110" />
        <source>Session</source>
        <translation>届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="111" />
        <source>Replying agency</source>
        <translation>答复单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="112" />
        <source>Main organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="113" />
        <source>Co-organizers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="114" />
        <source>Reply date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="115" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="116" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="117" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="118" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="125" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="126" />
        <source>Reference material</source>
        <translation>参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="141" />
        <source>Check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="146" />
        <location filename="../../desktop/ui/letter_fields_form.py" line="192" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="147" />
        <source>The value is right: record it as yours</source>
        <translation>值无误：记为您核对过的值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="149" />
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="152" />
        <source>You corrected this value; re-reading keeps it</source>
        <translation>此值由您更正，重新识别时保留</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="184" />
        <source>The program is not sure of this value; please check it.</source>
        <translation>程序不确定，请核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="189" />
        <source>Possibly %1</source>
        <translation>可能是 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="192" />
        <source>Use it</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="204" />
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_fields_form.py" line="208" />
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>LetterInspector</name>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="128" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="130" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="136" />
        <source>Delete letter…</source>
        <translation>删除资料…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="139" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="142" />
        <source>Every change is kept in the library at once.</source>
        <translation>每项修改都立即保存在资料库中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="195" />
        <source>This letter was deleted</source>
        <translation>这份资料已删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="196" />
        <source>Undo brings it back.</source>
        <translation>点“撤销”可以恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="197" />
        <source>Letter deleted</source>
        <translation>资料已删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="200" />
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="202" />
        <source>Letter: %1</source>
        <translation>资料：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="206" />
        <source>Last change: %1</source>
        <translation>最近修改：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="213" />
        <source>No. %1 in the library</source>
        <translation>资料库编号 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="218" />
        <source>Reply of case %1, filed when it was marked sent</source>
        <translation>案件 %1 标记为已答复时存入的答复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/letter_inspector.py" line="229" />
        <source>%n value(s) to check</source>
        <translation>
            <numerusform>%n 项待核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="231" />
        <source>Sections and paragraphs arranged by you</source>
        <translation>段落及其划分经您调整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="277" />
        <source>Delete “%1” from the library? Paragraphs that other letters share stay in the library. Undo in this window brings the letter back.</source>
        <translation>要从资料库中删除“%1”吗？与其他资料共用的段落会保留在资料库中。在本窗口中点“撤销”可以恢复这份资料。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="280" />
        <source>Delete letter</source>
        <translation>删除资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="283" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_inspector.py" line="285" />
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>LetterOutput</name>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="46" />
        <source>Open a case first.</source>
        <translation>请先打开一个案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="54" />
        <source>Write the letter without the seal?</source>
        <translation>是否不盖印章，继续生成答复？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="55" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="70" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="100" />
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="109" />
        <source>Save as %1 instead?</source>
        <translation>改为保存为 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="111" />
        <source>File in use</source>
        <translation>文件正被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="122" />
        <location filename="../../desktop/ui/window_export.py" line="141" />
        <location filename="../../desktop/ui/window_export.py" line="160" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="129" />
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="140" />
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_export.py" line="157" />
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
</context>
<context>
    <name>LetterParagraphsView</name>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="44" />
        <source>Opening</source>
        <translation>开头（问候）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="45" />
        <source>Current situation</source>
        <translation>办理现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="46" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="47" />
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="48" />
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="65" />
        <source>Select a paragraph to see its whole text</source>
        <translation>选中一段，在此查看全文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="70" />
        <source>The section this paragraph belongs to</source>
        <translation>这一段所属的部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="72" />
        <source>Split at cursor</source>
        <translation>在光标处拆分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="75" />
        <source>Click in the text below where the new paragraph should begin</source>
        <translation>在下面的文字中点击新段落开始的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="78" />
        <source>Merge with next</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="84" />
        <source>Section:</source>
        <translation>所属部分：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_paragraphs_view.py" line="229" />
        <source>Move to %1</source>
        <translation>移到“%1”</translation>
    </message>
</context>
<context>
    <name>LetterTools</name>
    <message>
        <location filename="../../desktop/ui/letter_tools.py" line="35" />
        <source>Re-read all letters…</source>
        <translation>重新识别全部资料…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_tools.py" line="38" />
        <source>Read every letter again from its stored text; your corrections stay</source>
        <translation>按保存的原文重新识别每份资料；您的更正保留不变</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_tools.py" line="57" />
        <source>That letter is no longer in the library.</source>
        <translation>资料库中已没有这份资料。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_tools.py" line="91" />
        <source>Read every letter in the library again from its stored text? Your corrections stay as they are. You can keep working meanwhile.</source>
        <translation>要按保存的原文重新识别资料库中的全部资料吗？您的更正保留不变。识别期间可以继续工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_tools.py" line="94" />
        <source>Re-read all letters</source>
        <translation>重新识别全部资料</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="86" />
        <source>Search past replies and reference material</source>
        <translation>搜索以往答复和参考资料（多个词用空格分开）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="89" />
        <source>All sections</source>
        <translation>全部段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="93" />
        <source>Replies and reference</source>
        <translation>答复和参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="94" />
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="95" />
        <source>Reference</source>
        <translation>参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="100" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="104" />
        <source>Agency</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="110" />
        <source>Proposer</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="112" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="113" />
        <source>The proposal's number: 35 or 第35号</source>
        <translation>建议提案编号：35 或 第35号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="115" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="117" />
        <source>Any proposer</source>
        <translation>提出人不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="118" />
        <source>Deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="119" />
        <source>CPPCC members</source>
        <translation>委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="120" />
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="145" />
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="147" />
        <source>Insert the selected paragraph into the section it was filed under</source>
        <translation>把选中的段落插入到它原来所在的部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="150" />
        <source>Open letter</source>
        <translation>打开资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="151" />
        <source>See and correct the letter's fields and sections</source>
        <translation>查看并更正这份资料的各项信息和段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="153" />
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="154" />
        <source>Show the next %1 hits</source>
        <translation>再显示 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="273" />
        <source>Showing the first %1 of %2 hits</source>
        <translation>显示前 %1 条，共 %2 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="277" />
        <source>%n hit(s) found</source>
        <translation>
            <numerusform>找到 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="181" />
        <source>Similar past replies</source>
        <translation>相似的以往答复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="287" />
        <source>The library holds %n document(s)</source>
        <translation>
            <numerusform>资料库共有 %n 份文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="343" />
        <source>Open and correct the letter…</source>
        <translation>打开并更正这份资料…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="358" />
        <source>Insert into the opening</source>
        <translation>插入到开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="359" />
        <source>Insert into the current situation</source>
        <translation>插入到现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="360" />
        <source>Insert into the next steps</source>
        <translation>插入到下一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="361" />
        <source>Insert into the closing</source>
        <translation>插入到结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="371" />
        <source>Show the source letter</source>
        <translation>查看来源文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="377" />
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="433" />
        <source>Looking for similar replies…</source>
        <translation>正在查找相似答复……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="440" />
        <source>No similar replies found</source>
        <translation>没有找到相似的答复</translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <location filename="../../desktop/ui/settings_library.py" line="35" />
        <source>Leave empty for the library on this PC. A shared library on the office server: postgresql://user@server/database (the password is kept by the system's credential store or IT's .pgpass file, never here).</source>
        <translation>留空则使用本机的资料库。办公网服务器上的共享资料库：postgresql://用户名@服务器/资料库（密码由系统的凭据管理或信息技术人员配置的 .pgpass 文件保存，不写在这里）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_library.py" line="48" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_library.py" line="57" />
        <source>The library chosen here is opened the next time ReplyDesk starts.</source>
        <translation>这里选择的资料库在下次启动答复助手时打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_library.py" line="61" />
        <source>The environment variable REPLYDESK_DB is set: ReplyDesk opens %1 instead.</source>
        <translation>已设置环境变量 REPLYDESK_DB：答复助手将打开 %1。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="62" />
        <location filename="../../desktop/ui/main_window.py" line="421" />
        <source>ReplyDesk</source>
        <translation>答复助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153" />
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="155" />
        <source>&amp;Edit case…</source>
        <translation>编辑案件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="157" />
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="159" />
        <source>Draft &amp;versions…</source>
        <translation>草稿版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162" />
        <source>&amp;Import letters…</source>
        <translation>导入资料(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="165" />
        <source>Export &amp;DOCX…</source>
        <translation>导出 DOCX(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168" />
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="171" />
        <source>Export plain &amp;text…</source>
        <translation>导出纯文本(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="174" />
        <source>Export all &amp;answered cases…</source>
        <translation>导出全部已答复案件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176" />
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="177" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179" />
        <source>Open in &amp;Word/WPS</source>
        <translation>在 Word/WPS 中打开(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182" />
        <source>&amp;Search the library</source>
        <translation>搜索资料库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="185" />
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="188" />
        <source>Import a colleague's pac&amp;k…</source>
        <translation>导入同事的资料包(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191" />
        <source>E&amp;xport pack for colleagues…</source>
        <translation>导出资料包(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="194" />
        <source>Your &amp;agency…</source>
        <translation>本单位信息(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="197" />
        <source>Remove sample &amp;letters…</source>
        <translation>删除示例文件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="200" />
        <source>&amp;Year-end report…</source>
        <translation>年度办理情况统计(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="202" />
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204" />
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206" />
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207" />
        <source>&amp;About ReplyDesk</source>
        <translation>关于答复助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="208" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="210" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="214" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="233" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="238" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="248" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="251" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="269" />
        <location filename="../../desktop/ui/main_window.py" line="401" />
        <source>Open a case first.</source>
        <translation>请先打开一个案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="369" />
        <source>Open or create a case to insert paragraphs.</source>
        <translation>请先打开或新建案件，再插入段落。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="374" />
        <source>This case was replied to and is read-only: reopen it to change it.</source>
        <translation>此案件已答复，只读：如需修改，请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="396" />
        <source>Draft saved as version %1.</source>
        <translation>草稿已保存为第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="408" />
        <source>Restored as version %1.</source>
        <translation>已恢复，保存为第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="87" />
        <source>Restore unsaved draft</source>
        <translation>恢复未保存的草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="88" />
        <source>The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). Restore it?</source>
        <translation>上次关闭答复助手时，“%1”的草稿尚未保存（自动保存于 %2）。是否恢复？</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="37" />
        <source>Column in the list</source>
        <translation>清单中的列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="37" />
        <source>Case field</source>
        <translation>案件字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="59" />
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/preview.py" line="100" />
        <source>Preview — {title}</source>
        <translation>预览 — {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="142" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="143" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="146" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="148" />
        <source>Open in Word/WPS</source>
        <translation>在 Word/WPS 中打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="151" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="153" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="116" />
        <source>Export the reply as DOCX first.</source>
        <translation>请先将答复导出为 DOCX。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="189" />
        <source>ReplyDesk's own rendering (LibreOffice is not installed). It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation>这是答复助手自行排版的效果（未安装 LibreOffice），版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="194" />
        <source>ReplyDesk's own rendering. It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation>这是答复助手自行排版的效果，版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="209" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="210" />
        <source>{wanted} (shown as {used})</source>
        <translation>{wanted}（以 {used} 显示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="214" />
        <source>Fonts not installed on this computer: {names}.</source>
        <translation>本机未安装以下字体：{names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="223" />
        <source>LibreOffice's rendering of the DOCX is being prepared…</source>
        <translation>正在用 LibreOffice 排版 DOCX…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="244" />
        <source>LibreOffice's rendering of the exported DOCX: this is how it prints from LibreOffice. Word and WPS may differ slightly.</source>
        <translation>这是 LibreOffice 对导出的 DOCX 的排版效果，即用 LibreOffice 打印的样子；Word 和 WPS 可能略有不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="257" />
        <source>(LibreOffice could not render the DOCX: {message})</source>
        <translation>（LibreOffice 无法排版此 DOCX：{message}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="259" />
        <source>(LibreOffice could not render the DOCX.)</source>
        <translation>（LibreOffice 无法排版此 DOCX。）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="299" />
        <source>Page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="342" />
        <source>Print the reply</source>
        <translation>打印答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="354" />
        <source>The printer could not be opened. Check that it is on.</source>
        <translation>无法连接打印机，请检查打印机是否已开启。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="357" />
        <source>{pages} page(s) sent to the printer.</source>
        <translation>已将 {pages} 页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="364" />
        <source>The DOCX file is not there any more; export it again.</source>
        <translation>DOCX 文件已不存在，请重新导出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="370" />
        <source>No program for DOCX files is set up on this computer. Install Word, WPS or LibreOffice, or open the file yourself: {path}</source>
        <translation>本机没有可打开 DOCX 文件的程序。请安装 Word、WPS 或 LibreOffice，或自行打开文件：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="387" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="387" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="399" />
        <source>Making the PDF with LibreOffice…</source>
        <translation>正在用 LibreOffice 生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="417" />
        <source>The PDF could not be written to {path}.</source>
        <translation>无法将 PDF 写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="425" />
        <source>PDF saved: {path}</source>
        <translation>PDF 已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="428" />
        <source>LibreOffice is not installed</source>
        <translation>未安装 LibreOffice</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="430" />
        <source>there is no exported DOCX</source>
        <translation>尚未导出 DOCX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="433" />
        <source>PDF saved: {path}. It is ReplyDesk's own rendering of the letter ({why}); it follows the page layout of the DOCX, but Word or WPS may break a line differently.</source>
        <translation>PDF 已保存：{path}。这是答复助手自行排版生成的（{why}），版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="451" />
        <source>The PDF could not be made; the details are in the log file.</source>
        <translation>无法生成 PDF，详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>PreviewTable</name>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="104" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="104" />
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="104" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="104" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="105" />
        <source>Proposer</source>
        <translation>领衔代表/提案人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="105" />
        <source>Our role</source>
        <translation>主办/协办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="105" />
        <source>Assigned</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="105" />
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="106" />
        <source>Problem or note</source>
        <translation>问题或说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="137" />
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="141" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="141" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="142" />
        <source>Main</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assignment_preview.py" line="142" />
        <source>Co-organizer</source>
        <translation>协办</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/file_dialogs.py" line="18" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/file_dialogs.py" line="19" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../desktop/ui/file_dialogs.py" line="20" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBar</name>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="37" />
        <location filename="../../desktop/ui/case_state.py" line="62" />
        <source>Replied (sent), read-only. Reopen the case to change its draft.</source>
        <translation>已答复，只读。如需修改草稿，请重新打开本案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="43" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="45" />
        <source>Set the case back to drafting and edit its draft</source>
        <translation>把案件改回“起草中”并修改草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="60" />
        <source>Closed, read-only. To answer again, record the feedback under Progress.</source>
        <translation>已办结，只读。如需再次答复，请在“办理经过”中记录反馈。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="71" />
        <source>In the library: letter {id}</source>
        <translation>已存入资料库（文件编号 {id}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="73" />
        <source>Show the reply as the library keeps it</source>
        <translation>查看资料库中保存的这份答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="106" />
        <source>Marked as sent: the reply joined the library as letter {id}.</source>
        <translation>已标记为已答复：答复已存入资料库（文件编号 {id}），以后可检索和参考。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_state.py" line="110" />
        <source>Marked as sent: the reply in the library (letter {id}) was updated.</source>
        <translation>已标记为已答复：资料库中的这份答复（文件编号 {id}）已更新。</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="91" />
        <source>Dismiss for today</source>
        <translation>今天不再提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="93" />
        <source>Hide the reminder until tomorrow</source>
        <translation>隐藏提醒，明天再显示</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reminder_banner.py" line="173" />
        <source>Overdue: %n case(s)</source>
        <translation>
            <numerusform>已超期 %n 件：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reminder_banner.py" line="177" />
        <source>Due within {days} days: %n case(s)</source>
        <translation>
            <numerusform>{days} 天内到期 %n 件：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reminder_banner.py" line="181" />
        <source>Co-organizer opinions overdue: %n</source>
        <translation>
            <numerusform>协办意见逾期未收 %n 份：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="199" />
        <source>All {count}…</source>
        <translation>全部 {count} 件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="201" />
        <source>Show these cases in the list of cases</source>
        <translation>在案件列表中显示这些案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="206" />
        <source>and {count} more</source>
        <translation>等，另有 {count} 份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="218" />
        <source>{unit}: opinion on “{title}” expected by {date}</source>
        <translation>{unit}：对“{title}”的协办意见应于 {date} 前收到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="239" />
        <source>No. {number}</source>
        <translation>第{number}号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reminder_banner.py" line="216" />
        <location filename="../../desktop/ui/reminder_banner.py" line="243" />
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminder_banner.py" line="245" />
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reminder_banner.py" line="246" />
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReparseBar</name>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="47" />
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="49" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="52" />
        <source>Stop after the letter being read; the letters read so far keep the result</source>
        <translation>识别完当前这份后停止；已识别的资料保留结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="75" />
        <location filename="../../desktop/ui/reparse_bar.py" line="100" />
        <source>Re-reading letters…</source>
        <translation>正在重新识别资料…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="90" />
        <source>Stopping after the current letter…</source>
        <translation>识别完当前这份后停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="110" />
        <source>Re-reading stopped because of an internal error; the details are in the log file.</source>
        <translation>重新识别因内部错误而停止，详情见日志文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reparse_bar.py" line="122" />
        <source>Re-read %n letter(s)</source>
        <translation>
            <numerusform>重新识别了 %n 份资料</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reparse_bar.py" line="124" />
        <source>, %n changed</source>
        <translation>
            <numerusform>，其中 %n 份有变化</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="126" />
        <source>, none changed</source>
        <translation>，均无变化</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reparse_bar.py" line="129" />
        <source>; %n could not be read and stay as they were (see the log file)</source>
        <translation>
            <numerusform>；%n 份读取失败，保持原样（详情见日志文件）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reparse_bar.py" line="131" />
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="45" />
        <source>Year-end report</source>
        <translation>年度办理情况统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="54" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="54" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="62" />
        <source>Save as &amp;Excel…</source>
        <translation>保存为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="63" />
        <source>Save as &amp;Word…</source>
        <translation>保存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="64" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="77" />
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="80" />
        <source>Session:</source>
        <translation>会议：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="103" />
        <source>All sessions</source>
        <translation>全部会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="153" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="154" />
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="155" />
        <source>Save report as</source>
        <translation>统计报表另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_page.py" line="177" />
        <source> — saved to %1</source>
        <translation> — 已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_results.py" line="141" />
        <source> · %n letter(s)</source>
        <translation>
            <numerusform> · 共 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="184" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="184" />
        <source>Reference</source>
        <translation>参考资料</translation>
    </message>
</context>
<context>
    <name>SalutationLine</name>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="26" />
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="31" />
        <source>The line the letter opens with. Type over it to change it for this letter.</source>
        <translation>答复开头的称呼。直接改写即可只改变这封答复的称呼。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="37" />
        <source>Automatic</source>
        <translation>恢复自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="39" />
        <source>Use the salutation made from the case's proposers again</source>
        <translation>重新使用根据案件提出人生成的称呼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="71" />
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/salutation_line.py" line="71" />
        <source>(typed)</source>
        <translation>（已改写）</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../desktop/ui/section_editor.py" line="51" />
        <source>+ Paragraph</source>
        <translation>+ 段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/section_editor.py" line="52" />
        <source>Add an empty paragraph at the end of this section</source>
        <translation>在本部分末尾添加一个空段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/section_editor.py" line="55" />
        <source>No paragraphs: drop one here or add one</source>
        <translation>暂无段落：可拖到此处，或新增一段</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="130" />
        <source>Server connected</source>
        <translation>已连接服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="131" />
        <source>The shared library on the office server answers.</source>
        <translation>办公网服务器上的共享资料库连接正常。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="133" />
        <source>Server refused the login</source>
        <translation>服务器拒绝登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="134" />
        <source>Check the account and password (replydesk server login).</source>
        <translation>请检查账户和密码（replydesk server login）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="136" />
        <source>Server unreachable: working on the local copy (read-only)</source>
        <translation>无法连接服务器：正在使用本机副本（只读）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="138" />
        <source>This is the copy last downloaded from the server; changes wait until it is back.</source>
        <translation>这是上次从服务器下载的副本；修改要等服务器恢复后再做。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="141" />
        <source>Server unreachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="142" />
        <source>Check the network, or ask IT whether the server is running.</source>
        <translation>请检查网络，或请信息技术人员确认服务器已开启。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="168" />
        <source>Local copy updated at %1.</source>
        <translation>本机副本已于 %1 更新。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="175" />
        <source>The server is back: restart ReplyDesk to work on the shared library again; the drafts saved meanwhile are sent then.</source>
        <translation>服务器已恢复：请重新启动答复助手，回到服务器上的共享资料库；离线时保存的稿件将随之上传。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="196" />
        <source>Drafts saved while the server was away were sent to it: %1.</source>
        <translation>离线时保存的稿件已上传到服务器：%1 份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="204" />
        <source>Drafts saved while offline</source>
        <translation>离线时保存的稿件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/server_status.py" line="205" />
        <source>A colleague saved these cases while the server was away. Nothing is lost:</source>
        <translation>服务器不可用期间，同事也保存了以下案件的稿件。双方的稿件都已保留：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="97" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="112" />
        <source>Agency</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="113" />
        <source>Categories</source>
        <translation>答复类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="114" />
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="115" />
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="116" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="118" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="143" />
        <source>The new language is used the next time ReplyDesk starts.</source>
        <translation>新语言在下次启动答复助手时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="149" />
        <source>Your name at this PC: every change you make is recorded under it, and “My cases” lists the cases assigned to it. Empty: your login name.</source>
        <translation>您在本机的姓名：您的每次修改都记在这个名字下，“我的案件”列出分派给它的案件。空着时用登录名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="155" />
        <source>On the office server every change you make is recorded under your login account, and “My cases” lists the cases assigned to it.</source>
        <translation>在办公服务器上，您的每次修改都记在您登录服务器的账户下，“我的案件”列出分派给该账户的案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="158" />
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="159" />
        <source>Clerk (this PC)</source>
        <translation>经办人（本机）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="204" />
        <source>Enter a font name.</source>
        <translation>请输入字体名称。</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="63" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="64" />
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="65" />
        <source>Greeting</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="66" />
        <source>What was done</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="67" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="68" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="69" />
        <source>Contact note</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="75" />
        <source>Default</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="77" />
        <source>Co-organizer opinion</source>
        <translation>会办意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="79" />
        <source>Category {code}</source>
        <translation>{code}类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="82" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_list.py" line="87" />
        <source>(edited)</source>
        <translation>（已修改）</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="101" />
        <source>One deputy</source>
        <translation>一位代表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="102" />
        <source>Joint suggestion (5 deputies)</source>
        <translation>联名建议（5 位代表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="103" />
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="105" />
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="108" />
        <location filename="../../desktop/ui/settings_templates.py" line="314" />
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="133" />
        <source>Preview with</source>
        <translation>预览示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="61" />
        <source>Variables in {{ … }} are filled from the case and the profile, e.g. {{ addressee }}, {{ title }}, {{ we }}. A blank line starts a new paragraph. A template with an error is not used: the shipped one is used instead.</source>
        <translation>{{ … }} 中的变量按案件和单位信息填入，例如 {{ addressee }}、{{ title }}、{{ we }}。空一行即另起一段。模板有错误时不会使用，而改用系统自带的模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="203" />
        <source>Your copy: {path}</source>
        <translation>您的修改版：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="205" />
        <source>Not saved yet. Your copy will be kept as {path}</source>
        <translation>尚未保存。修改版将保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="208" />
        <source>Shipped template. When you change it, your copy is kept in {path}</source>
        <translation>系统自带模板。修改后，您的版本保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="238" />
        <source>the output still has {{ or {%</source>
        <translation>输出中仍有 {{ 或 {%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="250" />
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="286" />
        <location filename="../../desktop/ui/settings_templates.py" line="289" />
        <source>Cannot save the template</source>
        <translation>无法保存模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="315" />
        <source>Delete your copy of {name} and use the shipped template again?</source>
        <translation>删除您修改的 {name}，恢复使用系统自带模板吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_templates.py" line="324" />
        <source>Cannot delete the template</source>
        <translation>无法删除模板</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="28" />
        <source>Insert paragraph</source>
        <translation>插入段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="43" />
        <source>Delete paragraph</source>
        <translation>删除段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="61" />
        <location filename="../../desktop/ui/undo_commands.py" line="81" />
        <source>Move paragraph</source>
        <translation>移动段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="100" />
        <source>Edit text</source>
        <translation>修改文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="141" />
        <source>Apply correction</source>
        <translation>采纳更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="167" />
        <source>Edit salutation</source>
        <translation>修改称呼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="169" />
        <source>Automatic salutation</source>
        <translation>恢复自动称呼</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="146" />
        <source>Versions of the draft — No. {number}</source>
        <translation>草稿版本 — 第{number}号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="168" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="168" />
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="168" />
        <source>Where from</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="168" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="185" />
        <source>with the draft as it is now</source>
        <translation>与当前草稿比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="186" />
        <source>with the version before it</source>
        <translation>与上一版比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="198" />
        <source>Compare the chosen version</source>
        <translation>所选版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="206" />
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="209" />
        <source>Saves the chosen version again as the newest one; nothing is deleted.</source>
        <translation>把所选版本另存为最新一版；不会删除任何版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="220" />
        <source>Restored from version {n}</source>
        <translation>恢复自第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="222" />
        <source>Saved in the window</source>
        <translation>在窗口中保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="223" />
        <source>Saved when the window closed</source>
        <translation>关闭窗口时自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="224" />
        <source>Command line (replydesk draft)</source>
        <translation>命令行（replydesk draft）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="225" />
        <source>Restored from an older version</source>
        <translation>恢复旧版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="226" />
        <source>Recovered after ReplyDesk closed unexpectedly</source>
        <translation>异常退出后恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="227" />
        <source>Saved before restoring a backup</source>
        <translation>恢复备份前自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="228" />
        <source>Copied from another case</source>
        <translation>复制自其他案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="229" />
        <source>Not recorded (saved before this was kept)</source>
        <translation>未记录（早期版本）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="255" />
        <source>The case was replied to: reopen it first.</source>
        <translation>此案件已答复：请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="268" />
        <source>No version of this draft has been saved yet.</source>
        <translation>此草稿还没有保存过版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="275" />
        <source>Version {n} is the first one.</source>
        <translation>第 {n} 版是第一版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="280" />
        <source>Version {old} → version {new}</source>
        <translation>第 {old} 版 → 第 {new} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="284" />
        <source>The draft now → version {new}</source>
        <translation>当前草稿 → 第 {new} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="287" />
        <source>: the same text.</source>
        <translation>：文字相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="291" />
        <source>: {added} paragraph(s) added, {removed} removed, {changed} changed.</source>
        <translation>：新增 {added} 段，删除 {removed} 段，修改 {changed} 段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="304" />
        <source>saved before restoring version %1</source>
        <translation>恢复第 %1 版前自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/versions_dialog.py" line="311" />
        <source>Version {old} was restored as version {new}.</source>
        <translation>第 {old} 版已恢复，保存为第 {new} 版。</translation>
    </message>
</context>
<context>
    <name>WindowBackups</name>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="30" />
        <source>The shared library on the server is backed up by IT on the server (pg_dump); ReplyDesk backs up only a library on this PC.</source>
        <translation>服务器上的共享资料库由信息技术人员在服务器上备份（pg_dump）；答复助手只备份本机的资料库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="41" />
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="57" />
        <location filename="../../desktop/ui/window_backups.py" line="77" />
        <location filename="../../desktop/ui/window_backups.py" line="94" />
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="58" />
        <source>Library backups (*.db)</source>
        <translation>资料库备份 (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="69" />
        <source>Restore the library from the backup of %1 (%2 letters, %3 cases)? The library as it is now is kept in the backups folder, and ReplyDesk starts again.</source>
        <translation>要用 %1 的备份（%2 份文件，%3 件案件）恢复资料库吗？当前的资料库会保存在备份文件夹中，随后答复助手将重新启动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_backups.py" line="93" />
        <source>The library was restored. The library as it was is kept as %1.</source>
        <translation>资料库已恢复。原来的资料库保存为 %1。</translation>
    </message>
</context>
<context>
    <name>WindowTools</name>
    <message>
        <location filename="../../desktop/ui/window_tools.py" line="43" />
        <location filename="../../desktop/ui/window_tools.py" line="51" />
        <source>Sample letters</source>
        <translation>示例文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_tools.py" line="43" />
        <source>The sample letters are already removed.</source>
        <translation>示例文件已删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_tools.py" line="48" />
        <source>Remove the %n sample letter(s) from the library?</source>
        <translation>要从资料库中删除 %n 份示例文件吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_tools.py" line="57" />
        <source>Removed %n sample letter(s).</source>
        <translation>已删除 %n 份示例文件。</translation>
    </message>
</context>
<context>
    <name>WindowWatch</name>
    <message>
        <location filename="../../desktop/ui/change_watch.py" line="139" />
        <source>Case No. {number} was deleted by {clerk}; it is closed here.</source>
        <translation>第{number}号案件已被{clerk}删除，这里已关闭该案件。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="121" />
        <location filename="../../desktop/ui/app.py" line="205" />
        <location filename="../../desktop/ui/app.py" line="216" />
        <source>ReplyDesk</source>
        <translation>答复助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="126" />
        <source>The library file is damaged (%1) and there is no usable backup in %2.

The file is at:
%3

ReplyDesk has not changed it. Give it to your IT support, or restore a backup copy with “replydesk restore FILE”.</source>
        <translation>资料库文件已损坏（%1），而且 %2 中没有可用的备份。

文件位置：
%3

答复助手没有改动这个文件。请把它交给信息技术人员，或用命令“replydesk restore 备份文件”从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="139" />
        <source>The library is damaged</source>
        <translation>资料库已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="140" />
        <source>The library file is damaged (%1).

Restore the newest good backup, made %2 (%3 letters, %4 cases)?
%5

The damaged file is kept in the backups folder.</source>
        <translation>资料库文件已损坏（%1）。

是否用最近一份完好的备份恢复？该备份生成于 %2，含文件 %3 份、案件 %4 件：
%5

损坏的文件会另存在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="157" />
        <source>The library was not changed. The damaged file is at:
%1

ReplyDesk cannot start with it. Its backups are in %2: restore one (for example with “replydesk restore FILE”), or give the file to your IT support.</source>
        <translation>资料库没有改动。损坏的文件位于：
%1

答复助手无法用它启动。备份保存在 %2：可以从中恢复一份（例如用命令“replydesk restore 备份文件”），或把文件交给信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="180" />
        <source>The library was restored from the backup made %1. The damaged file is kept as:
%2</source>
        <translation>已用 %1 的备份恢复资料库。损坏的文件另存为：
%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="257" />
        <source>The daily backup was not made: %1</source>
        <translation>今天的自动备份没有完成：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="272" />
        <source>Read-only library: it is on a read-only medium. You can read, search and export; changes cannot be saved.</source>
        <translation>只读资料库：它位于只读的位置（如只读U盘或共享文件夹），可以查看、搜索和导出，不能保存修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="354" />
        <source>Your agency's name has not been entered yet: an administrator enters it (Settings → Profile). Until then replies cannot be exported.</source>
        <translation>尚未填写本单位名称，需由管理员填写（设置 → 单位信息）。填好之前不能导出答复。</translation>
    </message>
</context>
</TS>