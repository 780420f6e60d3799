"""Chinese for every English source string of the window (build/translations.py --fill).

A key is the English source string; "Context|source" (Context = the class whose tr() it is)
wins over the plain key where the same English needs different Chinese in one place.
Placeholders (%1, %n, {name}, {{ … }}) must survive unchanged: --check verifies them.
"""

ZH: dict[str, str] = {
    "LibraryPane|Reply": "答复",
    "The library holds %n document(s)": "资料库共有 %n 份文件",
    # ------------------------------------------------------------------ shared
    "ReplyDesk": "答复助手",
    "Close": "关闭",
    "Title": "标题",
    "Due date": "办理期限",
    "Status": "状态",
    "Drafting": "起草中",
    "Awaiting sign-off": "待签发",
    "Sent": "已答复",
    "Contact phone": "联系电话",
    "Copy to": "抄送",
    "Separate units with 、": "多个单位用“、”分隔",
    "Seal": "印章",
    "Next steps": "下一步打算",
    "Closing": "结尾",
    "Delete paragraph": "删除段落",
    "Apply correction": "采纳更正",
    "Edit text": "编辑文字",
    "UndoCommands|Edit text": "修改文字",
    ", ": "、",
    "; ": "；",
    # ------------------------------------------------------------------ library pane
    "Search past replies and reference material": "搜索以往答复和参考资料（多个词用空格分开）",
    "All sections": "全部段落",
    "Replies and reference": "答复和参考资料",
    "Replies": "答复",
    "Reference": "参考资料",
    "any": "不限",
    "Agency": "单位",
    "Similar past replies": "相似的以往答复",
    "%n paragraph(s) found": "找到 %n 段",
    " · %n letter(s)": " · 共 %n 份",
    "Looking for similar replies…": "正在查找相似答复……",
    "No similar replies found": "没有找到相似的答复",
    # ------------------------------------------------------------------ case dialog
    "New case": "新建案件",
    "Edit case No. {number}": "编辑第 {number} 号案件",
    "e.g. 277": "例如：277",
    "e.g. 市十六届人大四次会议": "例如：市十六届人大四次会议",
    "e.g. 关于……的建议": "例如：关于……的建议",
    "Lead first; separate names with 、 or commas": "领衔人在前，姓名之间用“、”或逗号分隔",
    "As many as listed": "按所列人数",
    "For joint suggestions: the number of deputies, e.g. 5 for “张三等5位代表”.": (
        "联名建议填写代表人数，例如“张三等5位代表”填 5。"
    ),
    "Deputy (suggestion)": "人大代表（建议）",
    "CPPCC member (proposal)": "政协委员（提案）",
    "The text of the suggestion or proposal (optional)": "建议或提案的正文（选填）",
    "Main organizer: reply to the deputy": "主办单位：直接答复代表委员",
    "Co-organizer: opinion to the main organizer": "协办单位：向主办单位提出会办意见",
    "Required for a co-organizer opinion": "出具会办意见时必填",
    "Not decided yet": "暂未确定",
    "Assigned on": "交办于",
    "Due by": "截止于",
    "Dated": "指定日期",
    "e.g. 通科函〔2020〕12号": "例如：通科函〔2020〕12号",
    "Suggestion / proposal": "建议提案",
    "Number": "编号",
    "Session": "届次",
    "Proposers": "提出人",
    "Number of proposers": "提出人数",
    "Proposer is a": "提出人身份",
    "Content": "内容",
    "Handling": "办理",
    "We are the": "本单位为",
    "Main organizer": "主办单位",
    "Co-organizers": "协办单位",
    "Answer category": "答复类别",
    "Assignment date": "交办日期",
    "{months} months after assignment unless you change it": "默认为交办后 {months} 个月，可修改",
    "Reply": "答复",
    "Reply date": "答复日期",
    "When not set: the day the reply is exported": "不填时取导出答复当天",
    "Document number": "文号",
    "Contact person": "联系人",
    "Disclosure": "公开属性",
    "Fill from the suggestion text": "从建议原文填入",
    "Paste the suggestion, its portal page or an earlier reply here, or choose a file. Empty"
    " fields are filled from what is found; what you typed is kept.": (
        "在此粘贴建议原文、网上办理平台页面或以往答复，也可选择文件。"
        "空白栏目按识别结果填入，已填写的内容保持不变。"
    ),
    "Paste text here": "在此粘贴文字",
    "Choose file…": "选择文件…",
    "Save": "保存",
    "title": "标题",
    "number": "编号",
    "session": "届次",
    "proposers": "提出人",
    "number of proposers": "提出人数",
    "role": "提出人身份",
    "{code} (not in the current scheme)": "{code}（不在当前分类方案中）",
    "From the profile: {value}": "取自单位信息：{value}",
    "Choose the suggestion or reply": "选择建议原文或答复",
    "Documents ({patterns})": "文档 ({patterns})",
    "Reading {name}…": "正在读取 {name}…",
    "Filled: {fields}.": "已填入：{fields}。",
    "Nothing new found for the empty fields.": "没有找到可填入空白栏目的新内容。",
    "No number, title or proposer found in this text.": "这段文字中没有找到编号、标题或提出人。",
    "{count} proposers, but {listed} names are listed.": (
        "提出人数为 {count}，但列出的姓名有 {listed} 个。"
    ),
    "The due date is before the assignment date.": "办理期限早于交办日期。",
    "Case No. {number} of this session is already in the list.": (
        "本届次第 {number} 号案件已在列表中。"
    ),
    # ------------------------------------------------------------------ cases pane
    "Reply sent": "已答复",
    "No due date: enter the date the case was assigned": "无办理期限：请填写交办日期",
    "Due today": "今天到期",
    "1 day left": "还剩 1 天",
    "{days} days left": "还剩 {days} 天",
    "Overdue by 1 day": "已超期 1 天",
    "Overdue by {days} days": "已超期 {days} 天",
    "No.": "编号",
    "Proposer": "提出人",
    "Filter by number, name or title": "按编号、姓名或标题筛选",
    "New case…": "新建案件…",
    "No cases yet. Click “New case…” to enter the suggestion or proposal you are answering.": (
        "还没有案件。点击“新建案件…”，录入要答复的建议或提案。"
    ),
    "No case matches “{text}”.": "没有与“{text}”匹配的案件。",
    # ------------------------------------------------------------------ main window
    "&New case…": "新建案件(&N)…",
    "&Edit case…": "编辑案件(&E)…",
    "&Save draft": "保存草稿(&S)",
    "&Import letters…": "导入资料(&I)…",
    "Export &DOCX…": "导出 DOCX(&D)…",
    "Export &PDF…": "导出 PDF(&P)…",
    "Export plain &text…": "导出纯文本(&T)…",
    "Pre&view…": "预览(&V)…",
    "&Print…": "打印(&P)…",
    "Open in &Word/WPS": "在 Word/WPS 中打开(&W)",
    "&Search the library": "搜索资料库(&S)",
    "Se&ttings…": "设置(&T)…",
    "&Quit": "退出(&Q)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "&File": "文件(&F)",
    "&Edit": "编辑(&E)",
    "&Tools": "工具(&T)",
    "Main": "主工具栏",
    "Open a case first.": "请先打开一个案件。",
    "Open or create a case to insert paragraphs.": "请先打开或新建案件，再插入段落。",
    "Draft saved as version %1.": "草稿已保存为第 %1 版。",
    "Write the letter without the seal?": "是否不盖印章，继续生成答复？",
    "Save as": "另存为",
    "Word document (*.docx)": "Word 文档 (*.docx)",
    "Save as %1 instead?": "改为保存为 %1 吗？",
    "File in use": "文件正被占用",
    "Saved %1": "已保存 %1",
    "Plain text (*.txt)": "纯文本 (*.txt)",
    "Plain text": "纯文本",
    "Making the PDF…": "正在生成 PDF…",
    "saved on exit": "退出时自动保存",
    "Restore unsaved draft": "恢复未保存的草稿",
    "The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). Restore it?": (
        "上次关闭答复助手时，“%1”的草稿尚未保存（自动保存于 %2）。是否恢复？"
    ),
    # ------------------------------------------------------------------ composer
    "Opening": "开头",
    "Current situation": "现状",
    "Undo": "撤销",
    "Redo": "重做",
    "Move up": "上移",
    "Move down": "下移",
    "New paragraph": "新增段落",
    "Next problem": "下一处问题",
    "Undo: {0}": "撤销：{0}",
    "Redo: {0}": "重做：{0}",
    "%n problem(s) found": "发现 %n 处问题",
    "No problems found": "未发现问题",
    "Template error": "模板错误",
    "Change to “{0}”": "改为“{0}”",
    "Delete “{0}”": "删除“{0}”",
    "Edit this template text": "编辑这段模板文字",
    "Drag to move this paragraph": "拖动可移动本段",
    "Template": "模板",
    "Replace the template by its text, to change it for this letter": (
        "把模板换成它的文字，以便在本答复中修改"
    ),
    "Library": "资料库",
    "in {0}": "{0}年",
    "No. {0}": "资料编号 {0}",
    "From: {0}": "出处：{0}",
    "Open": "打开",
    "+ Paragraph": "+ 段落",
    "Add an empty paragraph at the end of this section": "在本部分末尾添加一个空段落",
    "No paragraphs: drop one here or add one": "暂无段落：可拖到此处，或新增一段",
    "Split paragraph": "拆分段落",
    "Edit template text": "编辑模板文字",
    "Autosave failed: {0}": "自动保存失败：{0}",
    "Insert paragraph": "插入段落",
    "Move paragraph": "移动段落",
    # ------------------------------------------------------------------ error dialog
    "ReplyDesk — an error occurred": "答复助手 — 出现错误",
    "Something went wrong inside ReplyDesk. Your work is saved automatically, so you can"
    " usually carry on. If it happens again, click “Copy details” and send them to whoever"
    " looks after this computer.": (
        "答复助手内部出现了问题。您的工作会自动保存，一般可以继续操作。"
        "如果再次出现，请点击“复制详细信息”，发给负责维护这台电脑的同志。"
    ),
    "Copy details": "复制详细信息",
    "Details:": "详细信息：",
    "Copied": "已复制",
    # ------------------------------------------------------------------ import dialog
    "Import letters": "导入资料",
    "Add past replies and reference documents (.txt, .docx, .doc, .wps) or whole folders."
    " Each file is imported on its own: stopping keeps the files already imported.": (
        "添加以往答复和参考资料（.txt、.docx、.doc、.wps）或整个文件夹。"
        "每个文件单独导入，中途停止时已导入的文件会保留。"
    ),
    "Add files…": "添加文件…",
    "Add folder…": "添加文件夹…",
    "Remove": "移除",
    "%v of %m files": "%v / %m 个文件",
    "File": "文件",
    "Result": "结果",
    "Note": "说明",
    "Start import": "开始导入",
    "Stop": "停止",
    "Stop after the file being imported; the files already imported stay.": (
        "导入完当前文件后停止，已导入的文件会保留。"
    ),
    "Letters ({patterns})": "文档 ({patterns})",
    "All files (*)": "所有文件 (*)",
    "Add files": "添加文件",
    "Add folder": "添加文件夹",
    "Looking for files…": "正在查找文件…",
    "Stopping after the current file…": "当前文件导入完成后停止…",
    "Imported {done} of {total} files": "已导入 {done} / {total} 个文件",
    "The import stopped because of an internal error; the details are in the log file.": (
        "导入因内部错误而停止，详细信息见日志文件。"
    ),
    "Imported": "已导入",
    "Duplicate": "重复",
    "Failed": "失败",
    "{imported} imported, {duplicate} already in the library, {failed} failed.": (
        "导入 {imported} 个，资料库中已有 {duplicate} 个，失败 {failed} 个。"
    ),
    "Stopped. ": "已停止。",
    "Import stopped; the files imported so far are kept.": "导入已停止，已导入的文件会保留。",
    "No letters found in the chosen files and folders.": "所选文件和文件夹中没有找到可导入的文档。",
    "Import finished.": "导入完成。",
    # ------------------------------------------------------------------ preview
    "Preview — {title}": "预览 — {title}",
    "Zoom out": "缩小",
    "Zoom in": "放大",
    "Print…": "打印…",
    "Open in Word/WPS": "在 Word/WPS 中打开",
    "Export PDF…": "导出 PDF…",
    "Export the reply as DOCX first.": "请先将答复导出为 DOCX。",
    "ReplyDesk's own rendering (LibreOffice is not installed). It follows the page layout of"
    " the DOCX; Word or WPS may break a line differently.": (
        "这是答复助手自行排版的效果（未安装 LibreOffice），版式与 DOCX 一致，"
        "但 Word 或 WPS 的换行位置可能不同。"
    ),
    "ReplyDesk's own rendering. It follows the page layout of the DOCX; Word or WPS may break"
    " a line differently.": (
        "这是答复助手自行排版的效果，版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。"
    ),
    "{wanted} (shown as {used})": "{wanted}（以 {used} 显示）",
    "Fonts not installed on this computer: {names}.": "本机未安装以下字体：{names}。",
    "LibreOffice's rendering of the DOCX is being prepared…": "正在用 LibreOffice 排版 DOCX…",
    "LibreOffice's rendering of the exported DOCX: this is how it prints from LibreOffice."
    " Word and WPS may differ slightly.": (
        "这是 LibreOffice 对导出的 DOCX 的排版效果，即用 LibreOffice 打印的样子；"
        "Word 和 WPS 可能略有不同。"
    ),
    "(LibreOffice could not render the DOCX: {message})": (
        "（LibreOffice 无法排版此 DOCX：{message}）"
    ),
    "(LibreOffice could not render the DOCX.)": "（LibreOffice 无法排版此 DOCX。）",
    "Page {number}": "第 {number} 页",
    "Print the reply": "打印答复",
    "The printer could not be opened. Check that it is on.": (
        "无法连接打印机，请检查打印机是否已开启。"
    ),
    "{pages} page(s) sent to the printer.": "已将 {pages} 页发送到打印机。",
    "The DOCX file is not there any more; export it again.": "DOCX 文件已不存在，请重新导出。",
    "No program for DOCX files is set up on this computer. Install Word, WPS or LibreOffice,"
    " or open the file yourself: {path}": (
        "本机没有可打开 DOCX 文件的程序。请安装 Word、WPS 或 LibreOffice，或自行打开文件：{path}"
    ),
    "Export PDF": "导出 PDF",
    "PDF (*.pdf)": "PDF 文件 (*.pdf)",
    "Making the PDF with LibreOffice…": "正在用 LibreOffice 生成 PDF…",
    "The PDF could not be written to {path}.": "无法将 PDF 写入 {path}。",
    "PDF saved: {path}": "PDF 已保存：{path}",
    "LibreOffice is not installed": "未安装 LibreOffice",
    "there is no exported DOCX": "尚未导出 DOCX",
    "PDF saved: {path}. It is ReplyDesk's own rendering of the letter ({why}); it follows the"
    " page layout of the DOCX, but Word or WPS may break a line differently.": (
        "PDF 已保存：{path}。这是答复助手自行排版生成的（{why}），版式与 DOCX 一致，"
        "但 Word 或 WPS 的换行位置可能不同。"
    ),
    "The PDF could not be made; the details are in the log file.": (
        "无法生成 PDF，详细信息见日志文件。"
    ),
    # ------------------------------------------------------------------ settings: agency
    "Settings": "设置",
    "SettingsDialog|Agency": "本单位",
    "Categories": "答复类别",
    "Fonts": "字体",
    "Templates": "模板",
    "Language": "语言",
    "e.g. 南通市科学技术局": "例如：南通市科学技术局",
    "Printed as 签发人 when set": "填写后在答复中印作“签发人”",
    "e.g. 0513-85000000": "例如：0513-85000000",
    "e.g. 通科函": "例如：通科函",
    "e.g. 科技": "例如：科技",
    "Used in the thanks: 衷心感谢您对我市……工作的关心和支持": (
        "用于致谢语：衷心感谢您对我市……工作的关心和支持"
    ),
    "Ask the deputy to return the feedback form (征询意见表)": "请代表委员填写并寄回征询意见表",
    " characters": " 字",
    "Warn when the plain-text body for an online handling system is longer.": (
        "供网上办理系统使用的纯文本正文超过此字数时提醒。"
    ),
    " months after assignment": " 个月（自交办日起）",
    "Profile": "单位信息",
    "Agency name (signature)": "发文机关（落款）",
    "Signer": "签发人",
    "Default contact": "默认联系人",
    "Document number prefix": "文号前缀",
    "Work field": "工作领域",
    "Feedback form": "征询意见表",
    "Plain-text limit": "纯文本字数上限",
    "Deadline": "办理时限",
    "Choose seal image…": "选择印章图片…",
    "A PNG with a transparent background looks best; it is pressed over the agency name and"
    " date. Common sizes: 42, 45 or 50 mm.": (
        "建议使用透明背景的 PNG 图片，印章盖在发文机关名称和日期上。常用直径：42、45 或 50 mm。"
    ),
    "Diameter": "直径",
    "No seal image": "未设置印章图片",
    "Cannot show this image": "无法显示此图片",
    "Choose the seal image": "选择印章图片",
    "Images (*.png *.jpg *.jpeg)": "图片 (*.png *.jpg *.jpeg)",
    "Cannot read {name}: {reason}": "无法读取 {name}：{reason}",
    # ------------------------------------------------------------------ settings: categories
    "The category is printed at the top right of page 1 (e.g. “A类”). The reply templates are"
    " written for A, B and C: D uses the C templates, 甲/乙/丙 use A/B/C.": (
        "答复类别印在第 1 页右上角（如“A类”）。答复模板按 A、B、C 三类编写："
        "D 类使用 C 类模板，甲、乙、丙类分别使用 A、B、C 类模板。"
    ),
    "Scheme": "分类方案",
    # ------------------------------------------------------------------ settings: fonts
    "Body text": "正文",
    "Headings 一、": "一级标题“一、”",
    "Headings （一）": "二级标题“（一）”",
    "Page numbers": "页码",
    "Default: {font}": "默认：{font}",
    "The font names are written into the Word file. Word uses them on a PC where they are"
    " installed; “(not installed)” means this PC lacks the font, so the preview and the PDF"
    " use a substitute.": (
        "字体名称会写入 Word 文件，电脑上装有该字体时 Word 即按此显示。"
        "“（未安装）”表示本机缺少该字体，预览和 PDF 将使用替代字体。"
    ),
    "(not installed)": "（未安装）",
    "This PC shows {font} instead.": "本机以 {font} 代替显示。",
    "This PC shows its default font instead.": "本机以默认字体代替显示。",
    "Enter a font name.": "请输入字体名称。",
    # ------------------------------------------------------------------ settings: templates
    "One deputy": "一位代表",
    "Joint suggestion (5 deputies)": "联名建议（5 位代表）",
    "CPPCC member": "政协委员",
    "Save template": "保存模板",
    "Restore default": "恢复默认",
    "Preview with": "预览示例",
    "Variables in {{ … }} are filled from the case and the profile, e.g. {{ addressee }},"
    " {{ title }}, {{ we }}. A blank line starts a new paragraph. A template with an error is"
    " not used: the shipped one is used instead.": (
        "{{ … }} 中的变量按案件和单位信息填入，例如 {{ addressee }}、{{ title }}、{{ we }}。"
        "空一行即另起一段。模板有错误时不会使用，而改用系统自带的模板。"
    ),
    "Salutation": "称呼",
    "Greeting": "开头",
    "What was done": "现状",
    "Contact note": "联系方式",
    "Default": "通用",
    "Co-organizer opinion": "会办意见",
    "Category {code}": "{code}类",
    "(edited)": "（已修改）",
    "Your copy: {path}": "您的修改版：{path}",
    "Not saved yet. Your copy will be kept as {path}": "尚未保存。修改版将保存为 {path}",
    "Shipped template. When you change it, your copy is kept in {path}": (
        "系统自带模板。修改后，您的版本保存在 {path}"
    ),
    "the output still has {{ or {%": "输出中仍有 {{ 或 {%",
    "Line {line}: {message}": "第 {line} 行：{message}",
    "Cannot save the template": "无法保存模板",
    "Delete your copy of {name} and use the shipped template again?": (
        "删除您修改的 {name}，恢复使用系统自带模板吗？"
    ),
    "Cannot delete the template": "无法删除模板",
    # ------------------------------------------------------------------ settings: language
    "The new language is used the next time ReplyDesk starts.": "新语言在下次启动答复助手时生效。",
    "Language of the window": "界面语言",
}
