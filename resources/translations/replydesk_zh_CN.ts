<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="238" />
        <source>Change to “{0}”</source>
        <translation>改为“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="240" />
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="276" />
        <source>Edit this template text</source>
        <translation>编辑这段模板文字</translation>
    </message>
</context>
<context>
    <name>BlockWidget</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="378" />
        <source>Drag to move this paragraph</source>
        <translation>拖动可移动本段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="427" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="428" />
        <source>Edit text</source>
        <translation>编辑文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="431" />
        <source>Replace the template by its text, to change it for this letter</source>
        <translation>把模板换成它的文字，以便在本答复中修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="435" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="442" />
        <source>in {0}</source>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="444" />
        <source>No. {0}</source>
        <translation>资料编号 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="445" />
        <source>From: {0}</source>
        <translation>出处：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="448" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="132" />
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="134" />
        <source>Edit case No. {number}</source>
        <translation>编辑第 {number} 号案件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="188" />
        <source>e.g. 277</source>
        <translation>例如：277</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="189" />
        <source>e.g. 市十六届人大四次会议</source>
        <translation>例如：市十六届人大四次会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="195" />
        <source>e.g. 关于……的建议</source>
        <translation>例如：关于……的建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="197" />
        <source>Lead first; separate names with 、 or commas</source>
        <translation>领衔人在前，姓名之间用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="202" />
        <source>As many as listed</source>
        <translation>按所列人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="204" />
        <source>For joint suggestions: the number of deputies, e.g. 5 for “张三等5位代表”.</source>
        <translation>联名建议填写代表人数，例如“张三等5位代表”填 5。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="209" />
        <source>Deputy (suggestion)</source>
        <translation>人大代表（建议）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="210" />
        <source>CPPCC member (proposal)</source>
        <translation>政协委员（提案）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="217" />
        <source>The text of the suggestion or proposal (optional)</source>
        <translation>建议或提案的正文（选填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="226" />
        <source>Main organizer: reply to the deputy</source>
        <translation>主办单位：直接答复代表委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="227" />
        <source>Co-organizer: opinion to the main organizer</source>
        <translation>协办单位：向主办单位提出会办意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="231" />
        <source>Required for a co-organizer opinion</source>
        <translation>出具会办意见时必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="233" />
        <location filename="../../desktop/ui/case_dialog.py" line="256" />
        <source>Separate units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="236" />
        <source>Not decided yet</source>
        <translation>暂未确定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="239" />
        <source>Assigned on</source>
        <translation>交办于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="240" />
        <source>Due by</source>
        <translation>截止于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="245" />
        <source>Drafting</source>
        <translation>起草中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="246" />
        <source>Awaiting sign-off</source>
        <translation>待签发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="247" />
        <source>Sent</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="252" />
        <source>Dated</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="253" />
        <source>e.g. 通科函〔2020〕12号</source>
        <translation>例如：通科函〔2020〕12号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="259" />
        <source>Suggestion / proposal</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="261" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="262" />
        <source>Session</source>
        <translation>届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="263" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="264" />
        <source>Proposers</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="265" />
        <source>Number of proposers</source>
        <translation>提出人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="266" />
        <source>Proposer is a</source>
        <translation>提出人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="267" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="269" />
        <source>Handling</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="271" />
        <source>We are the</source>
        <translation>本单位为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="272" />
        <source>Main organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="273" />
        <source>Co-organizers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="274" />
        <source>Answer category</source>
        <translation>答复类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="275" />
        <source>Assignment date</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="278" />
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="281" />
        <source>{months} months after assignment unless you change it</source>
        <translation>默认为交办后 {months} 个月，可修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="285" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="287" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="291" />
        <source>Reply date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="294" />
        <source>When not set: the day the reply is exported</source>
        <translation>不填时取导出答复当天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="296" />
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="297" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="298" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="299" />
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="300" />
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="319" />
        <source>Fill from the suggestion text</source>
        <translation>从建议原文填入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="323" />
        <source>Paste the suggestion, its portal page or an earlier reply here, or choose a file. Empty fields are filled from what is found; what you typed is kept.</source>
        <translation>在此粘贴建议原文、网上办理平台页面或以往答复，也可选择文件。空白栏目按识别结果填入，已填写的内容保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="331" />
        <source>Paste text here</source>
        <translation>在此粘贴文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="332" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="365" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="397" />
        <source>{code} (not in the current scheme)</source>
        <translation>{code}（不在当前分类方案中）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="421" />
        <source>From the profile: {value}</source>
        <translation>取自单位信息：{value}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="446" />
        <source>Choose the suggestion or reply</source>
        <translation>选择建议原文或答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="448" />
        <source>Documents ({patterns})</source>
        <translation>文档 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="457" />
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="487" />
        <source>Filled: {fields}.</source>
        <translation>已填入：{fields}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="487" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="491" />
        <source>Nothing new found for the empty fields.</source>
        <translation>没有找到可填入空白栏目的新内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="493" />
        <source>No number, title or proposer found in this text.</source>
        <translation>这段文字中没有找到编号、标题或提出人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="516" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="517" />
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="518" />
        <source>session</source>
        <translation>届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="522" />
        <source>proposers</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="531" />
        <source>number of proposers</source>
        <translation>提出人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="534" />
        <source>role</source>
        <translation>提出人身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="578" />
        <source>{count} proposers, but {listed} names are listed.</source>
        <translation>提出人数为 {count}，但列出的姓名有 {listed} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="584" />
        <source>The due date is before the assignment date.</source>
        <translation>办理期限早于交办日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="591" />
        <source>Case No. {number} of this session is already in the list.</source>
        <translation>本届次第 {number} 号案件已在列表中。</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="109" />
        <source>Drafting</source>
        <translation>起草中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="110" />
        <source>Awaiting sign-off</source>
        <translation>待签发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="111" />
        <source>Sent</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="121" />
        <source>Reply sent</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="124" />
        <source>No due date: enter the date the case was assigned</source>
        <translation>无办理期限：请填写交办日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="126" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="128" />
        <source>1 day left</source>
        <translation>还剩 1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="130" />
        <source>{days} days left</source>
        <translation>还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="132" />
        <source>Overdue by 1 day</source>
        <translation>已超期 1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="133" />
        <source>Overdue by {days} days</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="156" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="157" />
        <source>Proposer</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="158" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="159" />
        <source>Due date</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="160" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CasesPane</name>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="265" />
        <source>Filter by number, name or title</source>
        <translation>按编号、姓名或标题筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="269" />
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="388" />
        <source>No cases yet. Click “New case…” to enter the suggestion or proposal you are answering.</source>
        <translation>还没有案件。点击“新建案件…”，录入要答复的建议或提案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="395" />
        <source>No case matches “{text}”.</source>
        <translation>没有与“{text}”匹配的案件。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="710" />
        <source>Opening</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="711" />
        <source>Current situation</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="712" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="713" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="721" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="723" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="732" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="735" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="737" />
        <source>Delete paragraph</source>
        <translation>删除段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="739" />
        <source>New paragraph</source>
        <translation>新增段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="743" />
        <source>Apply correction</source>
        <translation>采纳更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="745" />
        <source>Next problem</source>
        <translation>下一处问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="809" />
        <source>Undo: {0}</source>
        <translation>撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="812" />
        <source>Redo: {0}</source>
        <translation>重做：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/composer.py" line="1114" />
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>发现 %n 处问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="1116" />
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="1120" />
        <source>Template error</source>
        <translation>模板错误</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="276" />
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="291" />
        <source>Edit template text</source>
        <translation>编辑模板文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="346" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="75" />
        <source>ReplyDesk — an error occurred</source>
        <translation>答复助手 — 出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="87" />
        <source>Something went wrong inside ReplyDesk. Your work is saved automatically, so you can usually carry on. If it happens again, click “Copy details” and send them to whoever looks after this computer.</source>
        <translation>答复助手内部出现了问题。您的工作会自动保存，一般可以继续操作。如果再次出现，请点击“复制详细信息”，发给负责维护这台电脑的同志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="105" />
        <location filename="../../desktop/ui/errors.py" line="135" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="108" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="119" />
        <source>Details:</source>
        <translation>详细信息：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="131" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="54" />
        <source>Import letters</source>
        <translation>导入资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="63" />
        <source>Add past replies and reference documents (.txt, .docx, .doc, .wps) or whole folders. Each file is imported on its own: stopping keeps the files already imported.</source>
        <translation>添加以往答复和参考资料（.txt、.docx、.doc、.wps）或整个文件夹。每个文件单独导入，中途停止时已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="73" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="75" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="77" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="92" />
        <source>%v of %m files</source>
        <translation>%v / %m 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="111" />
        <source>Start import</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="114" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="117" />
        <source>Stop after the file being imported; the files already imported stay.</source>
        <translation>导入完当前文件后停止，已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="119" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="167" />
        <source>Letters ({patterns})</source>
        <translation>文档 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="167" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169" />
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="174" />
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="198" />
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="212" />
        <source>Stopping after the current file…</source>
        <translation>当前文件导入完成后停止…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="222" />
        <source>Imported {done} of {total} files</source>
        <translation>已导入 {done} / {total} 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="236" />
        <source>The import stopped because of an internal error; the details are in the log file.</source>
        <translation>导入因内部错误而停止，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="254" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="255" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="256" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="283" />
        <source>{imported} imported, {duplicate} already in the library, {failed} failed.</source>
        <translation>导入 {imported} 个，资料库中已有 {duplicate} 个，失败 {failed} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="286" />
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="287" />
        <source>Import stopped; the files imported so far are kept.</source>
        <translation>导入已停止，已导入的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="292" />
        <source>No letters found in the chosen files and folders.</source>
        <translation>所选文件和文件夹中没有找到可导入的文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="295" />
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="135" />
        <source>Search past replies and reference material</source>
        <translation>搜索以往答复和参考资料（多个词用空格分开）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="139" />
        <source>All sections</source>
        <translation>全部段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="143" />
        <source>Replies and reference</source>
        <translation>答复和参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="144" />
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="145" />
        <location filename="../../desktop/ui/library_pane.py" line="271" />
        <source>Reference</source>
        <translation>参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="150" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="154" />
        <source>Agency</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="184" />
        <source>Similar past replies</source>
        <translation>相似的以往答复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="243" />
        <source>%n paragraph(s) found</source>
        <translation>
            <numerusform>找到 %n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="252" />
        <source> · %n letter(s)</source>
        <translation>
            <numerusform> · 共 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="271" />
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="282" />
        <source>The library holds %n document(s)</source>
        <translation>
            <numerusform>资料库共有 %n 份文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="331" />
        <source>Looking for similar replies…</source>
        <translation>正在查找相似答复……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="344" />
        <source>No similar replies found</source>
        <translation>没有找到相似的答复</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="58" />
        <location filename="../../desktop/ui/main_window.py" line="387" />
        <source>ReplyDesk</source>
        <translation>答复助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="103" />
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105" />
        <source>&amp;Edit case…</source>
        <translation>编辑案件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107" />
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="109" />
        <source>&amp;Import letters…</source>
        <translation>导入资料(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112" />
        <source>Export &amp;DOCX…</source>
        <translation>导出 DOCX(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="115" />
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118" />
        <source>Export plain &amp;text…</source>
        <translation>导出纯文本(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="120" />
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="121" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123" />
        <source>Open in &amp;Word/WPS</source>
        <translation>在 Word/WPS 中打开(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126" />
        <source>&amp;Search the library</source>
        <translation>搜索资料库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129" />
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="137" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="149" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="160" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175" />
        <location filename="../../desktop/ui/main_window.py" line="233" />
        <source>Open a case first.</source>
        <translation>请先打开一个案件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204" />
        <source>Open or create a case to insert paragraphs.</source>
        <translation>请先打开或新建案件，再插入段落。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219" />
        <source>Draft saved as version %1.</source>
        <translation>草稿已保存为第 %1 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="244" />
        <source>Write the letter without the seal?</source>
        <translation>是否不盖印章，继续生成答复？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="245" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="274" />
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="284" />
        <source>Save as %1 instead?</source>
        <translation>改为保存为 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286" />
        <source>File in use</source>
        <translation>文件正被占用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="297" />
        <location filename="../../desktop/ui/main_window.py" line="317" />
        <location filename="../../desktop/ui/main_window.py" line="340" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305" />
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="316" />
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="337" />
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="411" />
        <source>saved on exit</source>
        <translation>退出时自动保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="53" />
        <source>Restore unsaved draft</source>
        <translation>恢复未保存的草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="54" />
        <source>The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). Restore it?</source>
        <translation>上次关闭答复助手时，“%1”的草稿尚未保存（自动保存于 %2）。是否恢复？</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/preview.py" line="119" />
        <source>Preview — {title}</source>
        <translation>预览 — {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="134" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="136" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="140" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="142" />
        <source>Open in Word/WPS</source>
        <translation>在 Word/WPS 中打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="144" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="146" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="189" />
        <source>Export the reply as DOCX first.</source>
        <translation>请先将答复导出为 DOCX。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="207" />
        <source>ReplyDesk's own rendering (LibreOffice is not installed). It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation>这是答复助手自行排版的效果（未安装 LibreOffice），版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="212" />
        <source>ReplyDesk's own rendering. It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation>这是答复助手自行排版的效果，版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="227" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="228" />
        <source>{wanted} (shown as {used})</source>
        <translation>{wanted}（以 {used} 显示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="232" />
        <source>Fonts not installed on this computer: {names}.</source>
        <translation>本机未安装以下字体：{names}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="241" />
        <source>LibreOffice's rendering of the DOCX is being prepared…</source>
        <translation>正在用 LibreOffice 排版 DOCX…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="262" />
        <source>LibreOffice's rendering of the exported DOCX: this is how it prints from LibreOffice. Word and WPS may differ slightly.</source>
        <translation>这是 LibreOffice 对导出的 DOCX 的排版效果，即用 LibreOffice 打印的样子；Word 和 WPS 可能略有不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="275" />
        <source>(LibreOffice could not render the DOCX: {message})</source>
        <translation>（LibreOffice 无法排版此 DOCX：{message}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="277" />
        <source>(LibreOffice could not render the DOCX.)</source>
        <translation>（LibreOffice 无法排版此 DOCX。）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="317" />
        <source>Page {number}</source>
        <translation>第 {number} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="348" />
        <source>Print the reply</source>
        <translation>打印答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="360" />
        <source>The printer could not be opened. Check that it is on.</source>
        <translation>无法连接打印机，请检查打印机是否已开启。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="363" />
        <source>{pages} page(s) sent to the printer.</source>
        <translation>已将 {pages} 页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="368" />
        <source>The DOCX file is not there any more; export it again.</source>
        <translation>DOCX 文件已不存在，请重新导出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="374" />
        <source>No program for DOCX files is set up on this computer. Install Word, WPS or LibreOffice, or open the file yourself: {path}</source>
        <translation>本机没有可打开 DOCX 文件的程序。请安装 Word、WPS 或 LibreOffice，或自行打开文件：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="389" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="389" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="401" />
        <source>Making the PDF with LibreOffice…</source>
        <translation>正在用 LibreOffice 生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="421" />
        <source>The PDF could not be written to {path}.</source>
        <translation>无法将 PDF 写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="429" />
        <source>PDF saved: {path}</source>
        <translation>PDF 已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="432" />
        <source>LibreOffice is not installed</source>
        <translation>未安装 LibreOffice</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="434" />
        <source>there is no exported DOCX</source>
        <translation>尚未导出 DOCX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="437" />
        <source>PDF saved: {path}. It is ReplyDesk's own rendering of the letter ({why}); it follows the page layout of the DOCX, but Word or WPS may break a line differently.</source>
        <translation>PDF 已保存：{path}。这是答复助手自行排版生成的（{why}），版式与 DOCX 一致，但 Word 或 WPS 的换行位置可能不同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="455" />
        <source>The PDF could not be made; the details are in the log file.</source>
        <translation>无法生成 PDF，详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="557" />
        <source>+ Paragraph</source>
        <translation>+ 段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="558" />
        <source>Add an empty paragraph at the end of this section</source>
        <translation>在本部分末尾添加一个空段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="561" />
        <source>No paragraphs: drop one here or add one</source>
        <translation>暂无段落：可拖到此处，或新增一段</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="279" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="295" />
        <source>Agency</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="296" />
        <source>Categories</source>
        <translation>答复类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="297" />
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="298" />
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="299" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="344" />
        <source>e.g. 南通市科学技术局</source>
        <translation>例如：南通市科学技术局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="345" />
        <source>Printed as 签发人 when set</source>
        <translation>填写后在答复中印作“签发人”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="348" />
        <source>e.g. 0513-85000000</source>
        <translation>例如：0513-85000000</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="350" />
        <source>Separate units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="351" />
        <source>e.g. 通科函</source>
        <translation>例如：通科函</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="352" />
        <source>e.g. 科技</source>
        <translation>例如：科技</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="354" />
        <source>Used in the thanks: 衷心感谢您对我市……工作的关心和支持</source>
        <translation>用于致谢语：衷心感谢您对我市……工作的关心和支持</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="357" />
        <source>Ask the deputy to return the feedback form (征询意见表)</source>
        <translation>请代表委员填写并寄回征询意见表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="366" />
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="368" />
        <source>Warn when the plain-text body for an online handling system is longer.</source>
        <translation>供网上办理系统使用的纯文本正文超过此字数时提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="374" />
        <source> months after assignment</source>
        <translation> 个月（自交办日起）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="377" />
        <source>Profile</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="379" />
        <source>Agency name (signature)</source>
        <translation>发文机关（落款）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="380" />
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="381" />
        <source>Default contact</source>
        <translation>默认联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="382" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="383" />
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="384" />
        <source>Document number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="385" />
        <source>Work field</source>
        <translation>工作领域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="386" />
        <source>Feedback form</source>
        <translation>征询意见表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="387" />
        <source>Plain-text limit</source>
        <translation>纯文本字数上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="388" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="390" />
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="401" />
        <source>Choose seal image…</source>
        <translation>选择印章图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="418" />
        <source>A PNG with a transparent background looks best; it is pressed over the agency name and date. Common sizes: 42, 45 or 50 mm.</source>
        <translation>建议使用透明背景的 PNG 图片，印章盖在发文机关名称和日期上。常用直径：42、45 或 50 mm。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="426" />
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="445" />
        <source>No seal image</source>
        <translation>未设置印章图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="464" />
        <source>Cannot show this image</source>
        <translation>无法显示此图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="470" />
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="472" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="489" />
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="514" />
        <source>The category is printed at the top right of page 1 (e.g. “A类”). The reply templates are written for A, B and C: D uses the C templates, 甲/乙/丙 use A/B/C.</source>
        <translation>答复类别印在第 1 页右上角（如“A类”）。答复模板按 A、B、C 三类编写：D 类使用 C 类模板，甲、乙、丙类分别使用 A、B、C 类模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="523" />
        <source>Scheme</source>
        <translation>分类方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="548" />
        <location filename="../../desktop/ui/settings_dialog.py" line="727" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="549" />
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="550" />
        <source>Headings 一、</source>
        <translation>一级标题“一、”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="551" />
        <source>Headings （一）</source>
        <translation>二级标题“（一）”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="552" />
        <source>Page numbers</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="569" />
        <source>Default: {font}</source>
        <translation>默认：{font}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="596" />
        <source>The font names are written into the Word file. Word uses them on a PC where they are installed; “(not installed)” means this PC lacks the font, so the preview and the PDF use a substitute.</source>
        <translation>字体名称会写入 Word 文件，电脑上装有该字体时 Word 即按此显示。“（未安装）”表示本机缺少该字体，预览和 PDF 将使用替代字体。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="617" />
        <source>(not installed)</source>
        <translation>（未安装）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="619" />
        <source>This PC shows {font} instead.</source>
        <translation>本机以 {font} 代替显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="621" />
        <source>This PC shows its default font instead.</source>
        <translation>本机以默认字体代替显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="657" />
        <source>One deputy</source>
        <translation>一位代表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="658" />
        <source>Joint suggestion (5 deputies)</source>
        <translation>联名建议（5 位代表）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="659" />
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="661" />
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="686" />
        <source>Preview with</source>
        <translation>预览示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="701" />
        <source>Variables in {{ … }} are filled from the case and the profile, e.g. {{ addressee }}, {{ title }}, {{ we }}. A blank line starts a new paragraph. A template with an error is not used: the shipped one is used instead.</source>
        <translation>{{ … }} 中的变量按案件和单位信息填入，例如 {{ addressee }}、{{ title }}、{{ we }}。空一行即另起一段。模板有错误时不会使用，而改用系统自带的模板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="728" />
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="729" />
        <source>Greeting</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="730" />
        <source>What was done</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="731" />
        <source>Next steps</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="732" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="733" />
        <source>Contact note</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="739" />
        <source>Default</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="741" />
        <source>Co-organizer opinion</source>
        <translation>会办意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="743" />
        <source>Category {code}</source>
        <translation>{code}类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="746" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="754" />
        <source>(edited)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="846" />
        <source>Your copy: {path}</source>
        <translation>您的修改版：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="848" />
        <source>Not saved yet. Your copy will be kept as {path}</source>
        <translation>尚未保存。修改版将保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="851" />
        <source>Shipped template. When you change it, your copy is kept in {path}</source>
        <translation>系统自带模板。修改后，您的版本保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="893" />
        <source>the output still has {{ or {%</source>
        <translation>输出中仍有 {{ 或 {%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="905" />
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="941" />
        <location filename="../../desktop/ui/settings_dialog.py" line="944" />
        <source>Cannot save the template</source>
        <translation>无法保存模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="664" />
        <location filename="../../desktop/ui/settings_dialog.py" line="969" />
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="970" />
        <source>Delete your copy of {name} and use the shipped template again?</source>
        <translation>删除您修改的 {name}，恢复使用系统自带模板吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="979" />
        <source>Cannot delete the template</source>
        <translation>无法删除模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1007" />
        <source>The new language is used the next time ReplyDesk starts.</source>
        <translation>新语言在下次启动答复助手时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1011" />
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1049" />
        <source>Enter a font name.</source>
        <translation>请输入字体名称。</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="27" />
        <source>Insert paragraph</source>
        <translation>插入段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="42" />
        <source>Delete paragraph</source>
        <translation>删除段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="60" />
        <location filename="../../desktop/ui/undo_commands.py" line="80" />
        <source>Move paragraph</source>
        <translation>移动段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="99" />
        <source>Edit text</source>
        <translation>修改文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="140" />
        <source>Apply correction</source>
        <translation>采纳更正</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="93" />
        <source>ReplyDesk</source>
        <translation>答复助手</translation>
    </message>
</context>
</TS>