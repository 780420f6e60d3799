"""Chinese for every English source string of the window (build/translations.py --fill).

A key is the English source string; "Context|source" (Context = the class whose tr() it is)
wins over the plain key where the same English needs different Chinese in one place.
Placeholders (%1, %n, {name}, {{ … }}) must survive unchanged: --check verifies them.
"""

ZH: dict[str, str] = {
    "&Back up now": "立即备份(&B)",
    "&Restore from backup…": "从备份恢复(&R)…",
    "&About ReplyDesk": "关于答复助手(&A)",
    "&Help": "帮助(&H)",
    "Backed up to %1": "已备份到 %1",
    "Restore from backup": "从备份恢复",
    "Library backups (*.db)": "资料库备份 (*.db)",
    (
        "Restore the library from the backup of %1 (%2 letters, %3 cases)? The library as it "
        "is now is kept in the backups folder, and ReplyDesk starts again."
    ): (
        "要用 %1 的备份（%2 份文件，%3 件案件）恢复资料库吗？"
        "当前的资料库会保存在备份文件夹中，随后答复助手将重新启动。"
    ),
    "The library was restored. The library as it was is kept as %1.": (
        "资料库已恢复。原来的资料库保存为 %1。"
    ),
    "ResultsModel|Reply": "答复",
    "The library holds %n document(s)": "资料库共有 %n 份文件",
    # ------------------------------------------------------------------ Qt's file dialog
    # (qtbase_zh_CN.qm lacks the first two and calls the size column 体积)
    "QFileDialog|&Look in:": "查找范围(&L)：",
    "QFileDialog|Files of &type:": "文件类型(&T)：",
    "QFileSystemModel|Size": "大小",
    # ------------------------------------------------------------------ shared
    "ReplyDesk": "答复助手",
    "Close": "关闭",
    "Title": "标题",
    "Due date": "办理期限",
    "Status": "状态",
    "Drafting": "起草中",
    "Awaiting sign-off": "待签发",
    "Sent": "已答复",
    "CaseStatus|To do": "待办",
    "CaseStatus|In review": "待审核",
    "CaseStatus|Closed": "已办结",
    "CaseStatus|Handling again": "重新办理",
    "CaseFeedback|Satisfied": "满意",
    "CaseFeedback|Basically satisfied": "基本满意",
    "CaseFeedback|Not satisfied": "不满意",
    "CaseOpinion|Expected": "待收",
    "CaseOpinion|Received": "已收到",
    "CaseOpinion|Overdue": "逾期未收",
    "Contact phone": "联系电话",
    "Copy to": "抄送",
    "Separate units with 、": "多个单位用“、”分隔",
    "Separate units with 、; empty: no copy-to block": "多个单位用“、”分隔；留空则不印抄送",
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
    "LibraryPane|Insert": "插入",
    "Insert the selected paragraph into the section it was filed under": (
        "把选中的段落插入到它原来所在的部分"
    ),
    "Insert into the opening": "插入到开头",
    "Insert into the current situation": "插入到现状",
    "Insert into the next steps": "插入到下一步",
    "Insert into the closing": "插入到结尾",
    "Show the source letter": "查看来源文件",
    "Copy text": "复制文字",
    "Show more": "显示更多",
    "Show the next %1 hits": "再显示 %1 条",
    "Showing the first %1 of %2 hits": "显示前 %1 条，共 %2 条",
    "%n hit(s) found": "找到 %n 条",
    "The proposal's number: 35 or 第35号": "建议提案编号：35 或 第35号",
    "Category": "类别",
    "Any proposer": "提出人不限",
    "Deputies": "代表",
    "CPPCC members": "委员",
    "Units": "单位",
    "Search past replies and reference material": "搜索以往答复和参考资料（多个词用空格分开）",
    "All sections": "全部段落",
    "Replies and reference": "答复和参考资料",
    "Replies": "答复",
    "Reference": "参考资料",
    "any": "不限",
    "Agency": "单位",
    "Similar past replies": "相似的以往答复",
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
    "{main} months after assignment as main organizer, {co} as co-organizer,"
    " unless you change it": (
        "默认主办为交办后 {main} 个月、协办为 {co} 个月，可修改"
    ),
    "Co-organizer deadline": "协办（会办）期限",
    "Progress…": "办理经过…",
    "Status history, co-organizers' opinions and the deputy's feedback": (
        "状态变更记录、协办单位意见和代表委员的反馈"
    ),
    "CaseProgressDialog|Change the status": "改变办理状态",
    "CaseProgressDialog|Change": "变更",
    "CaseProgressDialog|To": "改为",
    "CaseProgressDialog|on": "日期",
    "CaseProgressDialog|History": "办理经过",
    "CaseProgressDialog|Date": "日期",
    "CaseProgressDialog|Round": "轮次",
    "CaseProgressDialog|Note": "说明",
    "CaseProgressDialog|Co-organizers' opinions": "协办单位意见",
    "CaseProgressDialog|Unit": "协办单位",
    "CaseProgressDialog|Expected by": "应收日期",
    "CaseProgressDialog|Received": "收到日期",
    "CaseProgressDialog|State": "情况",
    "CaseProgressDialog|Letter": "意见函",
    "CaseProgressDialog|Mark received": "记为已收到",
    "CaseProgressDialog|Attach the letter…": "附意见函…",
    "CaseProgressDialog|Import the opinion letter into the library, linked to this case": (
        "把协办意见函导入资料库，并与本案关联"
    ),
    "CaseProgressDialog|received on": "收到日期",
    "CaseProgressDialog|Feedback of the deputy or member": "代表委员反馈意见",
    "CaseProgressDialog|Remarks (optional)": "备注（可不填）",
    "CaseProgressDialog|Record": "记录",
    "CaseProgressDialog|Progress of case No. {number}": "第{number}号案件的办理经过",
    "CaseProgressDialog|No. {number} {title} — now: {status} (round {round})": (
        "第{number}号　{title}　现状：{status}（第 {round} 轮）"
    ),
    "CaseProgressDialog|We are a co-organizer: our opinion letter (会办意见) is drafted in the"
    " composer from the co-organizer templates and sent to {main}, due {due}.": (
        "本单位为协办单位：会办意见在起草区按协办模板起草，送{main}，期限 {due}。"
    ),
    "CaseProgressDialog|Round {round}: {answer} ({date}) {remarks}": (
        "第 {round} 轮：{answer}（{date}）{remarks}"
    ),
    "CaseProgressDialog|No feedback recorded yet.": "尚未记录反馈。",
    "CaseProgressDialog|Reply of round {round}: library letter {id}": (
        "第 {round} 轮答复：资料库文件 {id}"
    ),
    "CaseProgressDialog|Choose the co-organizer's opinion letter": "选择协办单位的意见函",
    "ReadOnlyBar|Closed, read-only. To answer again, record the feedback under Progress.": (
        "已办结，只读。如需再次答复，请在“办理经过”中记录反馈。"
    ),
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
    "Documents ({patterns})": "文档 ({patterns})",
    "Reading {name}…": "正在读取 {name}…",
    "Filled: {fields}.": "已填入：{fields}。",
    "Nothing new found for the empty fields.": "没有找到可填入空白栏目的新内容。",
    "No number, title or proposer found in this text. Nothing was filled.": (
        "这段文字中没有找到编号、标题或提出人，未填入任何内容。"
    ),
    (
        "{name} does not look like a suggestion or proposal: no number, title or proposer"
        " found. Nothing was filled."
    ): "{name} 不像一份建议或提案：没有找到编号、标题或提出人，未填入任何内容。",
    "Kept what you typed: {fields}.": "保留了您已填写的：{fields}。",
    "{field} (the text says “{value}”)": "{field}（原文为“{value}”）",
    "Proposer's phone: {phone}.": "提出人电话：{phone}。",
    "Read from file…": "从文件读取…",
    "Read the suggestion or proposal from a file": "从文件读取建议或提案",
    "seconders": "附议人",
    "delegation": "代表团/界别",
    "content": "内容",
    "kind": "类型",
    "Kind": "类型",
    "From the proposer's role": "按提出人身份",
    "Suggestion (建议)": "建议",
    "Proposal (提案)": "提案",
    "Motion (议案)": "议案",
    "Seconders": "附议人/联名人",
    "Separate names with 、": "姓名之间用“、”分隔",
    "Delegation / sector": "代表团/界别/单位",
    "e.g. 崇川区代表团, 民进界": "如：崇川区代表团、民进界",
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
    # ------------------------------------------------------------------ reminders, case filters
    "CasesModel|Role": "主/协办",
    "CasesModel|Main organizer": "主办",
    "CasesModel|Co-organizer": "协办",
    "No case meets the conditions chosen above.": "没有符合上方所选条件的案件。",
    "Show cases by their status": "按办理状态筛选",
    "Show cases by organizer role": "按主办/协办筛选",
    "Show cases by their deadline": "按办理期限筛选",
    "Show cases by their category": "按答复类别筛选",
    "Show cases by the feedback": "按代表委员的反馈意见筛选",
    "CaseFilterBar|Show all": "显示全部",
    "Clear these filters": "清除这些筛选条件",
    "Any status": "全部状态",
    "Not answered yet": "尚未答复",
    "Main and co-organizer": "主办和协办",
    "Main organizer (主办)": "主办",
    "Co-organizer (协办)": "协办",
    "Any feedback": "全部反馈",
    "No feedback yet": "尚无反馈",
    "Any deadline": "全部期限",
    "CaseFilterBar|Overdue": "已超期",
    "Due within %n day(s)": "%n 天内到期",
    "Overdue or due within %n day(s)": "已超期或 %n 天内到期",
    "Any category": "全部类别",
    "No category": "未定类别",
    "Remind": "到期提醒",
    " days before the deadline": " 天（办理期限前）",
    (
        "The reminder above the cases lists the cases not yet answered that are due within "
        "this many days, and those overdue."
    ): "窗口上方的提醒列出在这么多天内到期、尚未答复的案件，以及已超期的案件。",
    "Dismiss for today": "今天不再提醒",
    "Hide the reminder until tomorrow": "隐藏提醒，明天再显示",
    "Overdue: %n case(s)": "已超期 %n 件：",
    "Due within {days} days: %n case(s)": "{days} 天内到期 %n 件：",
    "All {count}…": "全部 {count} 件…",
    "Show these cases in the list of cases": "在案件列表中显示这些案件",
    "ReminderBanner|No. {number}": "第{number}号",
    "overdue by %n day(s)": "已超期 %n 天",
    "due today": "今天到期",
    "%n day(s) left": "还剩 %n 天",
    "Feedback: {answer}": "反馈意见：{answer}",
    "Co-organizer opinions overdue: %n": "协办意见逾期未收 %n 份：",
    "and {count} more": "等，另有 {count} 份",
    "{unit}: opinion on “{title}” expected by {date}": (
        "{unit}：对“{title}”的协办意见应于 {date} 前收到"
    ),
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
    # ------------------------------------------------------------------ first start, agency
    "Your &agency…": "本单位信息(&A)…",
    "Remove sample &letters…": "删除示例文件(&L)…",
    "Sample letters": "示例文件",
    "The sample letters are already removed.": "示例文件已删除。",
    "Remove the %n sample letter(s) from the library?": "要从资料库中删除 %n 份示例文件吗？",
    "Removed %n sample letter(s).": "已删除 %n 份示例文件。",
    "Welcome to ReplyDesk": "欢迎使用答复助手",
    "Your agency": "本单位信息",
    (
        "ReplyDesk signs every reply with your agency's name and prints its contact and "
        "copy-to lines. Enter them once here; you can change them later in Settings. Until "
        "your agency's name is saved, letters cannot be exported."
    ): (
        "答复助手在每份答复上署本单位名称，并印出联系人和抄送单位。请在此填写一次，"
        "以后可在“设置”中修改。保存本单位名称之前，不能导出答复。"
    ),
    "The full name, e.g. 如皋市科学技术局": "本单位全称，例如：如皋市科学技术局",
    "Units separated by 、 — leave empty for no copy-to": "多个单位用顿号分隔；不抄送则留空",
    "None (replies are printed without a seal)": "未设置（答复不加盖电子印章）",
    "Choose…": "选择…",
    "Agency name *": "本单位名称 *",
    "Copy to (抄送)": "抄送",
    "Seal image (optional)": "印章图片（可不设）",
    "Remove the sample letters now": "现在删除示例文件",
    "The sample library": "示例资料库",
    (
        "The library holds %n sample reply letter(s) of %1 (published letters), loaded so that "
        "you can try searching and reusing paragraphs straight away. They are only examples: "
        "remove them here, or later with Tools → Remove sample letters."
    ): (
        "资料库中已载入%1的 %n 份示例答复（已公开的答复），供您立即试用搜索和段落复用。"
        "它们只是示例：可在此删除，或以后通过“工具 → 删除示例文件”删除。"
    ),
    "Later": "稍后设置",
    (
        "The letter would be signed by the sample agency (%1): your agency's name has not been "
        "entered yet. Enter it first (Settings → Profile → Agency name (signature), or here "
        "now).\n\nEnter your agency's details now?"
    ): (
        "答复将以示例单位（%1）的名义署名：尚未填写本单位名称。"
        "请先填写（设置 → 单位信息 → 发文机关（落款），或现在在此填写）。\n\n现在填写本单位信息吗？"
    ),
    # ------------------------------------------------------------------ cases pane menu
    "Duplicate…": "复制案件…",
    "Delete…": "删除…",
    (
        "Delete case No. {number} “{title}” and its {versions} saved draft version(s)? "
        "This cannot be undone."
    ): "要删除第{number}号案件《{title}》及其 {versions} 个草稿版本吗？删除后无法恢复。",
    "Delete case": "删除案件",
    "Duplicate case No. {number}": "复制第{number}号案件",
    "This case was replied to and is read-only: reopen it to change it.": (
        "此案件已答复，只读：如需修改，请先重新打开。"
    ),
    "Replied (sent), read-only. Reopen the case to change its draft.": (
        "已答复，只读。如需修改草稿，请重新打开本案件。"
    ),
    "Reopen": "重新打开",
    "In the library: letter {id}": "已存入资料库（文件编号 {id}）",
    "Show the reply as the library keeps it": "查看资料库中保存的这份答复",
    "Marked as sent: the reply joined the library as letter {id}.": (
        "已标记为已答复：答复已存入资料库（文件编号 {id}），以后可检索和参考。"
    ),
    "Marked as sent: the reply in the library (letter {id}) was updated.": (
        "已标记为已答复：资料库中的这份答复（文件编号 {id}）已更新。"
    ),
    "Set the case back to drafting and edit its draft": "把案件改回“起草中”并修改草稿",
    "Copied from another case": "复制自其他案件",
    "The case was replied to: reopen it first.": "此案件已答复：请先重新打开。",
    # ------------------------------------------------------------------ draft versions
    "Draft &versions…": "草稿版本(&V)…",
    "Restored as version %1.": "已恢复，保存为第 %1 版。",
    "Versions of the draft — No. {number}": "草稿版本 — 第{number}号",
    "Version": "版本",
    "Saved": "保存时间",
    "Where from": "来源",
    "VersionsDialog|Note": "备注",
    "with the draft as it is now": "与当前草稿比较",
    "with the version before it": "与上一版比较",
    "Compare the chosen version": "所选版本",
    "Restore this version": "恢复此版本",
    "Saves the chosen version again as the newest one; nothing is deleted.": (
        "把所选版本另存为最新一版；不会删除任何版本。"
    ),
    "Restored from version {n}": "恢复自第 {n} 版",
    "Saved in the window": "在窗口中保存",
    "Saved when the window closed": "关闭窗口时自动保存",
    "Command line (replydesk draft)": "命令行（replydesk draft）",
    "Restored from an older version": "恢复旧版本",
    "Recovered after ReplyDesk closed unexpectedly": "异常退出后恢复",
    "Saved before restoring a backup": "恢复备份前自动保存",
    "Not recorded (saved before this was kept)": "未记录（早期版本）",
    "No version of this draft has been saved yet.": "此草稿还没有保存过版本。",
    "Version {n} is the first one.": "第 {n} 版是第一版。",
    "Version {old} → version {new}": "第 {old} 版 → 第 {new} 版",
    "The draft now → version {new}": "当前草稿 → 第 {new} 版",
    ": the same text.": "：文字相同。",
    ": {added} paragraph(s) added, {removed} removed, {changed} changed.": (
        "：新增 {added} 段，删除 {removed} 段，修改 {changed} 段。"
    ),
    "saved before restoring version %1": "恢复第 %1 版前自动保存",
    "Version {old} was restored as version {new}.": "第 {old} 版已恢复，保存为第 {new} 版。",
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
    "Restore unsaved draft": "恢复未保存的草稿",
    "The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). Restore it?": (
        "上次关闭答复助手时，“%1”的草稿尚未保存（自动保存于 %2）。是否恢复？"
    ),
    # ------------------------------------------------------------------ fonts notice, guide
    (
        "%n of the letter's fonts are not installed on this PC: the screen shows similar "
        "fonts instead. Exported letters still name the right fonts."
    ): "本机缺少答复所用的 %n 种字体，屏幕上以相近字体显示；导出的文件仍写明原字体。",
    "FontsNotice|Details…": "详情…",
    "Hide this notice": "关闭此提示",
    "FontsNotice|Fonts": "字体",
    "GuideDialog|User guide": "使用说明",
    "Open in browser": "在浏览器中打开",
    "&User guide": "使用说明(&U)",
    # ------------------------------------------------------------------ composer
    "Check before export": "导出前检查",
    (
        "Proofreading found %n problem(s) in this letter that are still open. "
        "Go back and correct them, or export the letter as it is."
    ): "校对发现这封答复还有 %n 处问题未处理。可以返回修改，也可以按原样导出。",
    "Back to the letter": "返回修改",
    "Export anyway": "仍然导出",
    "SalutationLine|Salutation": "称呼",
    "The line the letter opens with. Type over it to change it for this letter.": (
        "答复开头的称呼。直接改写即可只改变这封答复的称呼。"
    ),
    "(automatic)": "（自动）",
    "(typed)": "（已改写）",
    "SalutationLine|Automatic": "恢复自动",
    "Use the salutation made from the case's proposers again": "重新使用根据案件提出人生成的称呼",
    "Edit salutation": "修改称呼",
    "Automatic salutation": "恢复自动称呼",
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
    "Own places": "本地地名",
    "e.g. 江苏省、崇川区、海门区": "如 江苏省、崇川区、海门区",
    (
        "Places that count as your own besides those in the agency name: a paragraph "
        "reused from another letter that names another place is flagged."
    ): "除发文机关名称中的地名外，也算作本地的地名；引用其他答复的段落提到别处地名时会提示核对。",
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
    # ------------------------------------------------------------------ assignment list
    "Import list…": "导入交办清单…",
    "Import the assignment list: the sheet of suggestions and proposals assigned to the agency": (
        "导入交办清单：交办给本单位的建议、提案一览表"
    ),
    "Import assignment list": "导入交办清单",
    (
        "Choose the assignment list (.xlsx, .xls, .et or .csv). Check which column fills which "
        "field and the rows below; nothing is stored until you press Import. A case already in "
        "the library with the same session and number is updated."
    ): (
        "选择交办清单（WPS 表格或其他电子表格文件），核对各列对应的案件字段和下方各行；"
        "按“导入”之前不会保存任何内容。资料库中同一会议、同一编号的案件将按清单更新。"
    ),
    "Choose list…": "选择清单…",
    "The session the cases belong to": "案件所属会议（届次）",
    "Optional: the folder with the proposals' texts": "可选：建议/提案原文所在的文件夹",
    "AssignmentDialog|Choose folder…": "选择文件夹…",
    "List:": "交办清单：",
    "AssignmentDialog|Session:": "会议：",
    "Proposal texts:": "原文：",
    "Assignment lists ({patterns})": "交办清单 ({patterns})",
    "Choose the assignment list": "选择交办清单",
    "Folder of proposal texts": "建议/提案原文文件夹",
    "Reading the list…": "正在读取清单…",
    "No column is mapped to: {fields}. Choose it in the list on the left.": (
        "没有列对应：{fields}。请在左侧为相应的列选择字段。"
    ),
    "{total} cases to import: {new} new, {updates} updates.": (
        "将导入 {total} 件：新建 {new} 件，更新 {updates} 件。"
    ),
    "{count} rows cannot be imported (in red).": "{count} 行无法导入（红色显示）。",
    "Importing…": "正在导入…",
    "Imported: {new} new cases, {updated} updated.": "已导入：新建 {new} 件，更新 {updated} 件。",
    "Not imported: {rows}": "未导入：{rows}",
    "{count} proposal texts attached.": "已附加 {count} 份建议/提案原文。",
    "Not attached: {files}": "未附加：{files}",
    "Column in the list": "清单中的列",
    "Case field": "案件字段",
    "(not imported)": "（不导入）",
    "PreviewTable|Row": "行",
    "Import as": "导入为",
    "PreviewTable|Number": "编号",
    "PreviewTable|Title": "标题",
    "PreviewTable|Proposer": "领衔代表/提案人",
    "Our role": "主办/协办",
    "PreviewTable|Assigned": "交办日期",
    "PreviewTable|Due": "办理期限",
    "Problem or note": "问题或说明",
    "PreviewTable|Not imported": "不导入",
    "PreviewTable|Update": "更新",
    "PreviewTable|New": "新建",
    "PreviewTable|Main": "主办",
    "PreviewTable|Co-organizer": "协办",
    "Add past replies and reference documents (.txt, .docx, .doc, .wps, .rtf, text PDFs,"
    " web pages saved as .html or .mht) or whole folders. Each file is imported on its own:"
    " stopping keeps the files already imported.": (
        "添加以往答复和参考资料（.txt、.docx、.doc、.wps、.rtf、文字版 PDF、"
        "另存为 .html 或 .mht 的网页）或整个文件夹。"
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
    "Letter format": "版式",
    "函 — letter format, no 印发 line": "函（信函格式，无印发机关和印发日期）",
    "版记 — with 印发机关 and 印发日期": "版记（带分隔线、印发机关和印发日期）",
    "Empty: the agency name": "留空则用发文机关名称",
    "e.g. 2026-06-01; empty: the letter's date": "如 2026-06-01；留空则用成文日期",
    (
        "函: 抄送 at the foot of the last page, no rules, no page number on page 1."
        " 版记: 抄送 and the 印发 line between rules, on an even page."
    ): (
        "函：抄送印在末页版心最下方，不加分隔线，首页不显示页码。"
        "版记：抄送和印发机关、印发日期印在分隔线之间，位于偶数页（双面印刷的最后一面）。"
    ),
    "Format": "版式",
    "Issued by": "印发机关",
    "Issue date": "印发日期",
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
    "Contact line": "联系人行",
    "Warn before export when the contact name or phone is missing": (
        "联系人或联系电话未填写时，导出前提醒"
    ),
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
    # ------------------------------------------------------------------ start-up: damaged library
    "The library file is damaged (%1) and there is no usable backup in %2.\n\n"
    "The file is at:\n%3\n\nReplyDesk has not changed it. Give it to your IT "
    "support, or restore a backup copy with “replydesk restore FILE”.": (
        "资料库文件已损坏（%1），而且 %2 中没有可用的备份。\n\n文件位置：\n%3\n\n"
        "答复助手没有改动这个文件。请把它交给信息技术人员，"
        "或用命令“replydesk restore 备份文件”从备份恢复。"
    ),
    "The library is damaged": "资料库已损坏",
    "The library file is damaged (%1).\n\nRestore the newest good backup, made %2 "
    "(%3 letters, %4 cases)?\n%5\n\nThe damaged file is kept in the backups folder.": (
        "资料库文件已损坏（%1）。\n\n是否用最近一份完好的备份恢复？该备份生成于 %2，"
        "含文件 %3 份、案件 %4 件：\n%5\n\n损坏的文件会另存在备份文件夹中。"
    ),
    "The library was not changed. The damaged file is at:\n%1\n\nReplyDesk "
    "cannot start with it. Its backups are in %2: restore one (for example with "
    "“replydesk restore FILE”), or give the file to your IT support.": (
        "资料库没有改动。损坏的文件位于：\n%1\n\n答复助手无法用它启动。备份保存在 %2："
        "可以从中恢复一份（例如用命令“replydesk restore 备份文件”），"
        "或把文件交给信息技术人员。"
    ),
    "The library was restored from the backup made %1. The damaged file is kept as:\n%2": (
        "已用 %1 的备份恢复资料库。损坏的文件另存为：\n%2"
    ),
    "The daily backup was not made: %1": "今天的自动备份没有完成：%1",
    "Read-only library: it is on a read-only medium. You can read, search and export; "
    "changes cannot be saved.": (
        "只读资料库：它位于只读的位置（如只读U盘或共享文件夹），可以查看、搜索和导出，不能保存修改。"
    ),
    # ------------------------------------------------------------------ about
    "About ReplyDesk": "关于答复助手",
    "Version %1": "版本 %1",
    "Qt %1 · PySide6 %2 · Python %3": "Qt %1 · PySide6 %2 · Python %3",
    "Portable: all data is kept in %1": "便携模式：所有数据保存在 %1",
    "Data folder: %1": "数据文件夹：%1",
    "The licence file %1 is missing.": "缺少许可协议文件 %1。",
    "Licence": "许可协议",
    "The third-party notices file %1 is missing.": "缺少第三方软件声明文件 %1。",
    "Third-party software": "第三方软件",
    # ------------------------------------------------------------------ colleague packs
    "E&xport pack for colleagues…": "导出资料包(&X)…",
    "Import a colleague's pac&k…": "导入同事的资料包(&K)…",
    "Export a pack for colleagues": "导出资料包给同事",
    "Put the letters of your library into one pack file. Copy it to your colleagues yourself"
    " (USB stick, shared folder): nothing is sent over a network. Letters they already have"
    " are skipped when they import it.": (
        "把资料库中的文件打包成一个资料包文件，由您自行复制给同事（U 盘、共享文件夹），"
        "不经过任何网络发送。同事导入时，已有的文件会自动跳过。"
    ),
    "All letters in the library ({count})": "资料库中的全部文件（{count} 份）",
    "Only letters added to the library since": "只导出以下日期以来加入资料库的文件",
    "Counts the day a letter came into your library (imported, or received in a pack), not"
    " its reply date: what is new since you last sent a pack.": (
        "按文件加入资料库（导入或从资料包收到）的日期计算，而不是答复日期："
        "即上次发送资料包以来新增的文件。"
    ),
    "Your last pack was made on {date}.": "上次导出资料包是在 {date}。",
    "Include my edited reply templates ({count})": "同时导出我修改过的答复模板（{count} 个）",
    "Your colleagues get them beside their own templates, never in their place.": (
        "同事收到后另行保存，不会替换他们自己的模板。"
    ),
    "Export…": "导出…",
    "Replies pack {date}.zip": "答复资料包-{date}.zip",
    "Save the pack": "保存资料包",
    "ReplyDesk pack (*.zip)": "答复助手资料包 (*.zip)",
    "Writing the pack…": "正在写入资料包…",
    "Pack saved: {path}": "资料包已保存：{path}",
    "{letters} letters, {templates} templates.": "共 {letters} 份文件、{templates} 个模板。",
    "{count} letters were left out (numbers {ids}): a paragraph longer than {limit} characters,"
    " from an older version, would make a colleague's import refuse the pack.": (
        "另有 {count} 份文件未放入资料包（编号 {ids}）：其中有旧版本导入的超过 {limit} 字的段落，"
        "同事导入时会被拒绝。"
    ),
    "The pack was not written because of an internal error; the details are in the log"
    " file.": "因程序内部错误，资料包未导出，详情已写入日志文件。",
    "Import a colleague's pack": "导入同事的资料包",
    "Add the letters of a pack a colleague made with ReplyDesk. The pack is checked completely"
    " first: if anything is wrong with it, nothing is imported. Letters you already have are"
    " skipped. Templates in the pack are kept aside and never replace yours.": (
        "把同事用答复助手导出的资料包加入您的资料库。导入前先完整检查资料包："
        "只要有任何问题，就一份也不导入。您已有的文件会自动跳过。"
        "资料包中的模板另行保存，不会替换您自己的模板。"
    ),
    "The pack file from your colleague": "同事发来的资料包文件",
    "%v of %m letters": "%v / %m 份文件",
    "Import": "导入",
    "Stop and import nothing of this pack.": "停止，这个资料包中的文件一份也不导入。",
    "Choose the pack": "选择资料包",
    "Checking the pack…": "正在检查资料包…",
    "Stopping; nothing of this pack is imported…": "正在停止，这个资料包中的文件不会导入…",
    "Adding letters: {done} of {total}": "正在加入文件：{done} / {total}",
    "{added} letters added, {duplicates} already in your library, {paragraphs} new"
    " paragraphs.": "新增 {added} 份文件，{duplicates} 份资料库中已有，新增段落 {paragraphs} 个。",
    "The pack was made on {date}.": "资料包导出于 {date}。",
    "Its templates were saved in {folder}; your own templates are unchanged.": (
        "资料包中的模板已另存到 {folder}，您自己的模板没有改变。"
    ),
    "Stopped: nothing of this pack was imported.": "已停止：这个资料包中的文件一份也没有导入。",
    "The pack was not imported; your library is unchanged.": "资料包未导入，您的资料库保持原样。",
    # ------------------------------------------------------------------ letter inspector
    "LetterCommands|Edit %1": "修改%1",
    "LetterCommands|Confirm %1": "确认%1",
    "LetterCommands|Switch reply/reference": "切换答复/参考资料",
    "LetterCommands|Move paragraph to another section": "把段落移到另一部分",
    "LetterCommands|Split paragraph": "拆分段落",
    "LetterCommands|Merge paragraphs": "合并段落",
    "LetterCommands|Delete letter": "删除资料",
    "Type": "类型",
    "Addressed to": "答复对象",
    "LetterFieldsForm|Role": "身份",
    "Suggestion/proposal number": "建议/提案编号",
    "Suggestion/proposal title": "建议/提案标题",
    "Document title": "文件标题",
    "Replying agency": "答复单位",
    "LetterFieldsForm|Category": "类别",
    "LetterFieldsForm|Phone": "电话",
    "LetterFieldsForm|Reply": "答复",
    "Reference material": "参考资料",
    "LetterFieldsForm|Check": "待核对",
    "LetterFieldsForm|Confirm": "确认",
    "LetterFieldsForm|Possibly %1": "可能是 %1",
    "LetterFieldsForm|Use it": "采用",
    "The value is right: record it as yours": "值无误：记为您核对过的值",
    "Corrected": "已更正",
    "You corrected this value; re-reading keeps it": "此值由您更正，重新识别时保留",
    "The program is not sure of this value; please check it.": "程序不确定，请核对。",
    "Rule: %1": "规则：%1",
    "Line %1: %2": "第 %1 行：%2",
    "LetterParagraphsView|Opening": "开头（问候）",
    "LetterParagraphsView|Current situation": "办理现状",
    "LetterParagraphsView|Next steps": "下一步打算",
    "LetterParagraphsView|Closing": "结束语",
    "LetterParagraphsView|Body": "正文",
    "Select a paragraph to see its whole text": "选中一段，在此查看全文",
    "The section this paragraph belongs to": "这一段所属的部分",
    "Split at cursor": "在光标处拆分",
    "Click in the text below where the new paragraph should begin": (
        "在下面的文字中点击新段落开始的位置"
    ),
    "Merge with next": "与下一段合并",
    "Section:": "所属部分：",
    "Move to %1": "移到“%1”",
    "LetterInspector|Undo": "撤销",
    "LetterInspector|Redo": "重做",
    "Delete letter…": "删除资料…",
    "Every change is kept in the library at once.": "每项修改都立即保存在资料库中。",
    "This letter was deleted": "这份资料已删除",
    "Undo brings it back.": "点“撤销”可以恢复。",
    "Letter deleted": "资料已删除",
    "(no title)": "（无标题）",
    "Letter: %1": "资料：%1",
    "No. %1 in the library": "资料库编号 %1",
    "Reply of case %1, filed when it was marked sent": "案件 %1 标记为已答复时存入的答复",
    "%n value(s) to check": "%n 项待核对",
    "Sections and paragraphs arranged by you": "段落及其划分经您调整",
    (
        "Delete “%1” from the library? Paragraphs that other letters share stay in the "
        "library. Undo in this window brings the letter back."
    ): (
        "要从资料库中删除“%1”吗？与其他资料共用的段落会保留在资料库中。"
        "在本窗口中点“撤销”可以恢复这份资料。"
    ),
    "LetterInspector|Delete letter": "删除资料",
    "LetterInspector|Delete": "删除",
    "Keep": "保留",
    "Open letter": "打开资料",
    "See and correct the letter's fields and sections": "查看并更正这份资料的各项信息和段落",
    "Open and correct the letter…": "打开并更正这份资料…",
    "Re-read all letters…": "重新识别全部资料…",
    "Read every letter again from its stored text; your corrections stay": (
        "按保存的原文重新识别每份资料；您的更正保留不变"
    ),
    "That letter is no longer in the library.": "资料库中已没有这份资料。",
    (
        "Read every letter in the library again from its stored text? Your corrections "
        "stay as they are. You can keep working meanwhile."
    ): "要按保存的原文重新识别资料库中的全部资料吗？您的更正保留不变。识别期间可以继续工作。",
    "Re-read all letters": "重新识别全部资料",
    "%v of %m": "%v / %m",
    "ReparseBar|Stop": "停止",
    "Stop after the letter being read; the letters read so far keep the result": (
        "识别完当前这份后停止；已识别的资料保留结果"
    ),
    "Re-reading letters…": "正在重新识别资料…",
    "Stopping after the current letter…": "识别完当前这份后停止…",
    "Re-reading stopped because of an internal error; the details are in the log file.": (
        "重新识别因内部错误而停止，详情见日志文件。"
    ),
    "Re-read %n letter(s)": "重新识别了 %n 份资料",
    ", %n changed": "，其中 %n 份有变化",
    ", none changed": "，均无变化",
    "; %n could not be read and stay as they were (see the log file)": (
        "；%n 份读取失败，保持原样（详情见日志文件）"
    ),
    "ReparseBar|Stopped. ": "已停止。",
    # ------------------------------------------------------------------ year-end report
    "&Year-end report…": "年度办理情况统计(&Y)…",
    "Year-end report": "年度办理情况统计",
    "Item": "项目",
    "Value": "数值",
    "Year:": "年份：",
    "Session:": "会议：",
    "All sessions": "全部会议",
    "Save as &Excel…": "保存为 Excel(&E)…",
    "Save as &Word…": "保存为 Word(&W)…",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
    "Save report as": "统计报表另存为",
    " — saved to %1": " — 已保存到 %1",
    # ------------------------------------------------------------------ batch export
    "Export all &answered cases…": "导出全部已答复案件(&A)…",
    "Export all answered cases": "导出全部已答复案件",
    "Also PDF (through LibreOffice)": "同时生成 PDF（通过 LibreOffice）",
    "LibreOffice is not installed: no PDFs.": "未安装 LibreOffice，不生成 PDF。",
    "Folder:": "文件夹：",
    "Case": "案件",
    "Export": "导出",
    "Export to folder": "导出到文件夹",
    "Exporting…": "正在导出…",
    "Stopping after the current case…": "当前案件导出后停止…",
    "Exported %1 of %2 cases": "已导出 %1/%2 件案件",
    "Written": "已写出",
    "%1 case(s): %2 file(s) written, %3 not written. Folder: %4": (
        "共 %1 件案件：写出 %2 个文件，%3 个未能写出。文件夹：%4"
    ),
    "Done.": "完成。",
    "Stopped: the files already written stay.": "已停止：已写出的文件保留。",
    "%1 file(s) written before stopping.": "停止前已写出 %1 个文件。",
    "The export stopped because of an internal error; the details are in the log.": (
        "导出因内部错误而中止，详情见日志文件。"
    ),
    "Server connected": "已连接服务器",
    "The shared library on the office server answers.": "办公网服务器上的共享资料库连接正常。",
    "Server refused the login": "服务器拒绝登录",
    "Check the account and password (replydesk server login).": (
        "请检查账户和密码（replydesk server login）。"
    ),
    "Server unreachable: working on the local copy (read-only)": (
        "无法连接服务器：正在使用本机副本（只读）"
    ),
    "This is the copy last downloaded from the server; changes wait until it is back.": (
        "这是上次从服务器下载的副本；修改要等服务器恢复后再做。"
    ),
    "Server unreachable": "无法连接服务器",
    "Check the network, or ask IT whether the server is running.": (
        "请检查网络，或请信息技术人员确认服务器已开启。"
    ),
    "Leave empty for the library on this PC. A shared library on the office server: "
    "postgresql://user@server/database (the password is kept by the system's credential "
    "store or IT's .pgpass file, never here).": (
        "留空则使用本机的资料库。办公网服务器上的共享资料库：postgresql://用户名@服务器/资料库"
        "（密码由系统的凭据管理或信息技术人员配置的 .pgpass 文件保存，不写在这里）。"
    ),
    "The library chosen here is opened the next time ReplyDesk starts.": (
        "这里选择的资料库在下次启动答复助手时打开。"
    ),
    "The environment variable REPLYDESK_DB is set: ReplyDesk opens %1 instead.": (
        "已设置环境变量 REPLYDESK_DB：答复助手将打开 %1。"
    ),
    "The shared library on the server is backed up by IT on the server (pg_dump); ReplyDesk "
    "backs up only a library on this PC.": (
        "服务器上的共享资料库由信息技术人员在服务器上备份（pg_dump）；答复助手只备份本机的资料库。"
    ),
    "Local copy updated at %1.": "本机副本已于 %1 更新。",
    "The server is back: restart ReplyDesk to work on the shared library again;"
    " the drafts saved meanwhile are sent then.": (
        "服务器已恢复：请重新启动答复助手，回到服务器上的共享资料库；离线时保存的稿件将随之上传。"
    ),
    "Drafts saved while the server was away were sent to it: %1.": (
        "离线时保存的稿件已上传到服务器：%1 份。"
    ),
    "Drafts saved while offline": "离线时保存的稿件",
    "A colleague saved these cases while the server was away. Nothing is lost:": (
        "服务器不可用期间，同事也保存了以下案件的稿件。双方的稿件都已保留："
    ),
    # ------------------------------------------------------------------ many clerks (issue 14)
    "Clerk": "经办人",
    "Show the cases of a clerk": "按经办人显示案件",
    "All clerks": "全部经办人",
    "My cases ({name})": "我的案件（{name}）",
    "Not assigned": "未分派",
    "The clerk who works on this case; empty: nobody yet": "办理此案件的经办人；空着表示尚未分派",
    "Clerk (this PC)": "经办人（本机）",
    (
        "Your name at this PC: every change you make is recorded under it, and “My cases” "
        "lists the cases assigned to it. Empty: your login name."
    ): (
        "您在本机的姓名：您的每次修改都记在这个名字下，“我的案件”列出分派给它的案件。"
        "空着时用登录名。"
    ),
    (
        "On the office server every change you make is recorded under your login "
        "account, and “My cases” lists the cases assigned to it."
    ): "在办公服务器上，您的每次修改都记在您登录服务器的账户下，“我的案件”列出分派给该账户的案件。",
    "Someone else saved this draft": "别人已保存了这份草稿",
    (
        "{clerk} saved version {version} of this draft at {when}, after you started "
        "from version {base}. Nothing is lost: compare the two, then keep yours, take "
        "theirs, or copy passages from one to the other."
    ): (
        "{clerk}于 {when} 保存了这份草稿的第 {version} 版，而您是在第 {base} 版上修改的。"
        "什么都没有丢失：请比较两个版本，然后保留您的、采用对方的，或在两者之间复制段落。"
    ),
    (
        "{clerk} saved version {version} of this draft at {when}; when you started, it "
        "had not been saved yet. Nothing is lost: compare the two, then keep yours, take "
        "theirs, or copy passages from one to the other."
    ): (
        "{clerk}于 {when} 保存了这份草稿的第 {version} 版，而您开始修改时这份草稿还没有保存过。"
        "什么都没有丢失：请比较两个版本，然后保留您的、采用对方的，或在两者之间复制段落。"
    ),
    "Version {version} by {clerk}": "{clerk}保存的第 {version} 版",
    "Your text (not saved yet)": "您的文字（尚未保存）",
    "Keep mine": "保留我的",
    "Save your text as the newest version; theirs stays in the version history": (
        "把您的文字保存为最新版本；对方的版本留在历史版本中"
    ),
    "Take theirs": "采用对方的",
    "Open their version; your text is saved in the version history first": (
        "打开对方的版本；您的文字先保存到历史版本中"
    ),
    "Decide later": "稍后再定",
    "Keep editing your text; it is kept as the working copy": "继续编辑您的文字；它已留作工作副本",
    "Copy selected text": "复制选中的文字",
    "Copy the selection to paste it into the draft": "复制选中的文字，以便粘贴到草稿中",
    "[template text]": "〔模板文字〕",
    "your text when {clerk} had saved version {version}": "{clerk}已保存第 {version} 版时您的文字",
    "Compare…": "比较…",
    "Hide": "隐藏",
    (
        "{clerk} saved version {version} of this draft at {when}. Your text is unchanged; "
        "saving it will show both versions."
    ): "{clerk}于 {when} 保存了这份草稿的第 {version} 版。您的文字没有改动；保存时会显示两个版本。",
    "Last change: %1": "最近修改：%1",
    "Only an administrator assigns cases": "只有管理员可以分派案件",
    "Changed by someone else": "案件已被别人修改",
    "Case No. {number} was deleted by {clerk}; it is closed here.": (
        "第{number}号案件已被{clerk}删除，这里已关闭该案件。"
    ),
    (
        "Your entries are still in the form. To see the change, cancel and open the "
        "case again; to save your entries over it, press OK again."
    ): (
        "您填写的内容仍在窗口中。要查看对方的修改，请取消后重新打开案件；"
        "要以您填写的内容为准覆盖它，请再次点击“确定”。"
    ),
    (
        "The letter would be signed by the sample agency (%1): your agency's name has "
        "not been entered yet. On the office server an administrator enters it "
        "(Settings → Profile → Agency name (signature)); ask them, then export again."
    ): (
        "答复将以示例单位（%1）的名义署名：尚未填写本单位名称。在单位服务器上，本单位信息由管理员"
        "填写（设置 → 单位信息 → 发文机关（落款））；请联系管理员，填好后再导出。"
    ),
    (
        "Your agency's name has not been entered yet: an administrator enters it "
        "(Settings → Profile). Until then replies cannot be exported."
    ): "尚未填写本单位名称，需由管理员填写（设置 → 单位信息）。填好之前不能导出答复。",
    "Who changed it:": "修改记录：",
}
