<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="238" />
        <source>Change to “{0}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="240" />
        <source>Delete “{0}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="276" />
        <source>Edit this template text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BlockWidget</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="378" />
        <source>Drag to move this paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="427" />
        <source>Template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="428" />
        <source>Edit text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="431" />
        <source>Replace the template by its text, to change it for this letter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="435" />
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="442" />
        <source>in {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="444" />
        <source>No. {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="445" />
        <source>From: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="448" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="132" />
        <source>New case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="134" />
        <source>Edit case No. {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="188" />
        <source>e.g. 277</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="189" />
        <source>e.g. 市十六届人大四次会议</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="195" />
        <source>e.g. 关于……的建议</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="197" />
        <source>Lead first; separate names with 、 or commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="202" />
        <source>As many as listed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="204" />
        <source>For joint suggestions: the number of deputies, e.g. 5 for “张三等5位代表”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="209" />
        <source>Deputy (suggestion)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="210" />
        <source>CPPCC member (proposal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="217" />
        <source>The text of the suggestion or proposal (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="226" />
        <source>Main organizer: reply to the deputy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="227" />
        <source>Co-organizer: opinion to the main organizer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="231" />
        <source>Required for a co-organizer opinion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="233" />
        <location filename="../../desktop/ui/case_dialog.py" line="256" />
        <source>Separate units with 、</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="236" />
        <source>Not decided yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="239" />
        <source>Assigned on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="240" />
        <source>Due by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="245" />
        <source>Drafting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="246" />
        <source>Awaiting sign-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="247" />
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="252" />
        <source>Dated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="253" />
        <source>e.g. 通科函〔2020〕12号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="259" />
        <source>Suggestion / proposal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="261" />
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="262" />
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="263" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="264" />
        <source>Proposers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="265" />
        <source>Number of proposers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="266" />
        <source>Proposer is a</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="267" />
        <source>Content</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="269" />
        <source>Handling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="271" />
        <source>We are the</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="272" />
        <source>Main organizer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="273" />
        <source>Co-organizers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="274" />
        <source>Answer category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="275" />
        <source>Assignment date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="278" />
        <source>Due date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="281" />
        <source>{months} months after assignment unless you change it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="285" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="287" />
        <source>Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="291" />
        <source>Reply date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="294" />
        <source>When not set: the day the reply is exported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="296" />
        <source>Document number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="297" />
        <source>Contact person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="298" />
        <source>Contact phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="299" />
        <source>Copy to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="300" />
        <source>Disclosure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="319" />
        <source>Fill from the suggestion text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="323" />
        <source>Paste the suggestion, its portal page or an earlier reply here, or choose a file. Empty fields are filled from what is found; what you typed is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="331" />
        <source>Paste text here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="332" />
        <source>Choose file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="365" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="397" />
        <source>{code} (not in the current scheme)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="421" />
        <source>From the profile: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="446" />
        <source>Choose the suggestion or reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="448" />
        <source>Documents ({patterns})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="457" />
        <source>Reading {name}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="486" />
        <source>Filled: {fields}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="489" />
        <source>Nothing new found for the empty fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="491" />
        <source>No number, title or proposer found in this text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="514" />
        <source>title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="515" />
        <source>number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="516" />
        <source>session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="520" />
        <source>proposers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="529" />
        <source>number of proposers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="532" />
        <source>role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="576" />
        <source>{count} proposers, but {listed} names are listed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="582" />
        <source>The due date is before the assignment date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/case_dialog.py" line="589" />
        <source>Case No. {number} of this session is already in the list.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="109" />
        <source>Drafting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="110" />
        <source>Awaiting sign-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="111" />
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="121" />
        <source>Reply sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="124" />
        <source>No due date: enter the date the case was assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="126" />
        <source>Due today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="128" />
        <source>1 day left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="130" />
        <source>{days} days left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="132" />
        <source>Overdue by 1 day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="133" />
        <source>Overdue by {days} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="156" />
        <source>No.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="157" />
        <source>Proposer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="158" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="159" />
        <source>Due date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="160" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CasesPane</name>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="265" />
        <source>Filter by number, name or title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="269" />
        <source>New case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="388" />
        <source>No cases yet. Click “New case…” to enter the suggestion or proposal you are answering.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/cases_pane.py" line="395" />
        <source>No case matches “{text}”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="710" />
        <source>Opening</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="711" />
        <source>Current situation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="712" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="713" />
        <source>Closing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="721" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="723" />
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="732" />
        <source>Move up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="735" />
        <source>Move down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="737" />
        <source>Delete paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="739" />
        <source>New paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="743" />
        <source>Apply correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="745" />
        <source>Next problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="809" />
        <source>Undo: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="812" />
        <source>Redo: {0}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/composer.py" line="1114" />
        <source>%n problem(s) found</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="1116" />
        <source>No problems found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="1120" />
        <source>Template error</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="276" />
        <source>Split paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="291" />
        <source>Edit template text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/draft_model.py" line="346" />
        <source>Autosave failed: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="75" />
        <source>ReplyDesk — an error occurred</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="87" />
        <source>Something went wrong inside ReplyDesk. Your work is saved automatically, so you can usually carry on. If it happens again, click “Copy details” and send them to whoever looks after this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="105" />
        <location filename="../../desktop/ui/errors.py" line="135" />
        <source>Copy details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="108" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="119" />
        <source>Details:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="131" />
        <source>Copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="54" />
        <source>Import letters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="63" />
        <source>Add past replies and reference documents (.txt, .docx, .doc, .wps) or whole folders. Each file is imported on its own: stopping keeps the files already imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="73" />
        <source>Add files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="75" />
        <source>Add folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="77" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="92" />
        <source>%v of %m files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="98" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="111" />
        <source>Start import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="114" />
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="117" />
        <source>Stop after the file being imported; the files already imported stay.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="119" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="167" />
        <source>Letters ({patterns})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="167" />
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="169" />
        <source>Add files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="174" />
        <source>Add folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="198" />
        <source>Looking for files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="212" />
        <source>Stopping after the current file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="222" />
        <source>Imported {done} of {total} files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="236" />
        <source>The import stopped because of an internal error; the details are in the log file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="254" />
        <source>Imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="255" />
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="256" />
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="283" />
        <source>{imported} imported, {duplicate} already in the library, {failed} failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="286" />
        <source>Stopped. </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="287" />
        <source>Import stopped; the files imported so far are kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="292" />
        <source>No letters found in the chosen files and folders.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="295" />
        <source>Import finished.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="96" />
        <source>Search past replies and reference material</source>
        <translation>搜索以往答复和参考资料（多个词用空格分开）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="100" />
        <source>All sections</source>
        <translation>全部部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="104" />
        <source>Replies and reference</source>
        <translation>答复和参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="105" />
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="106" />
        <source>Reference</source>
        <translation>参考资料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="111" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="115" />
        <source>Agency</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="143" />
        <source>Similar past replies</source>
        <translation>相似的以往答复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="198" />
        <source>%n paragraph(s) found</source>
        <translation>
            <numerusform>找到 %n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_pane.py" line="207" />
        <source> · %n letter(s)</source>
        <translation>
            <numerusform> · 共 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="271" />
        <source>Looking for similar replies…</source>
        <translation>正在查找相似答复……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_pane.py" line="284" />
        <source>No similar replies found</source>
        <translation>没有找到相似的答复</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="49" />
        <location filename="../../desktop/ui/main_window.py" line="369" />
        <source>ReplyDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="92" />
        <source>&amp;New case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="94" />
        <source>&amp;Edit case…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="96" />
        <source>&amp;Save draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98" />
        <source>&amp;Import letters…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="101" />
        <source>Export &amp;DOCX…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="104" />
        <source>Export &amp;PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107" />
        <source>Export plain &amp;text…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="109" />
        <source>Pre&amp;view…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="110" />
        <source>&amp;Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112" />
        <source>Open in &amp;Word/WPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="115" />
        <source>&amp;Search the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118" />
        <source>Se&amp;ttings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="120" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122" />
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140" />
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="145" />
        <source>&amp;Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="147" />
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162" />
        <location filename="../../desktop/ui/main_window.py" line="215" />
        <source>Open a case first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191" />
        <source>Open or create a case to insert paragraphs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="201" />
        <source>Draft saved as version %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226" />
        <source>Write the letter without the seal?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="227" />
        <source>Seal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="242" />
        <source>Save as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="256" />
        <source>Word document (*.docx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266" />
        <source>Save as %1 instead?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268" />
        <source>File in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279" />
        <location filename="../../desktop/ui/main_window.py" line="299" />
        <location filename="../../desktop/ui/main_window.py" line="322" />
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287" />
        <source>Plain text (*.txt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="298" />
        <source>Plain text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="319" />
        <source>Making the PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="392" />
        <source>saved on exit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="53" />
        <source>Restore unsaved draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="54" />
        <source>The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). Restore it?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/preview.py" line="119" />
        <source>Preview — {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="134" />
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="136" />
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="140" />
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="142" />
        <source>Open in Word/WPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="144" />
        <source>Export PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="146" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="189" />
        <source>Export the reply as DOCX first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="207" />
        <source>ReplyDesk's own rendering (LibreOffice is not installed). It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="212" />
        <source>ReplyDesk's own rendering. It follows the page layout of the DOCX; Word or WPS may break a line differently.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="228" />
        <source>{wanted} (shown as {used})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="232" />
        <source>Fonts not installed on this computer: {names}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="241" />
        <source>LibreOffice's rendering of the DOCX is being prepared…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="262" />
        <source>LibreOffice's rendering of the exported DOCX: this is how it prints from LibreOffice. Word and WPS may differ slightly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="275" />
        <source>(LibreOffice could not render the DOCX: {message})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="277" />
        <source>(LibreOffice could not render the DOCX.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="317" />
        <source>Page {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="348" />
        <source>Print the reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="360" />
        <source>The printer could not be opened. Check that it is on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="363" />
        <source>{pages} page(s) sent to the printer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="368" />
        <source>The DOCX file is not there any more; export it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="374" />
        <source>No program for DOCX files is set up on this computer. Install Word, WPS or LibreOffice, or open the file yourself: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="389" />
        <source>Export PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="389" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="401" />
        <source>Making the PDF with LibreOffice…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="421" />
        <source>The PDF could not be written to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="429" />
        <source>PDF saved: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="432" />
        <source>LibreOffice is not installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="434" />
        <source>there is no exported DOCX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="437" />
        <source>PDF saved: {path}. It is ReplyDesk's own rendering of the letter ({why}); it follows the page layout of the DOCX, but Word or WPS may break a line differently.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/preview.py" line="455" />
        <source>The PDF could not be made; the details are in the log file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="557" />
        <source>+ Paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="558" />
        <source>Add an empty paragraph at the end of this section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="561" />
        <source>No paragraphs: drop one here or add one</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="279" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="295" />
        <source>Agency</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="296" />
        <source>Categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="297" />
        <source>Fonts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="298" />
        <source>Templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="299" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="344" />
        <source>e.g. 南通市科学技术局</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="345" />
        <source>Printed as 签发人 when set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="348" />
        <source>e.g. 0513-85000000</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="350" />
        <source>Separate units with 、</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="351" />
        <source>e.g. 通科函</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="352" />
        <source>e.g. 科技</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="354" />
        <source>Used in the thanks: 衷心感谢您对我市……工作的关心和支持</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="357" />
        <source>Ask the deputy to return the feedback form (征询意见表)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="366" />
        <source> characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="368" />
        <source>Warn when the plain-text body for an online handling system is longer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="374" />
        <source> months after assignment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="377" />
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="379" />
        <source>Agency name (signature)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="380" />
        <source>Signer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="381" />
        <source>Default contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="382" />
        <source>Contact phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="383" />
        <source>Copy to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="384" />
        <source>Document number prefix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="385" />
        <source>Work field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="386" />
        <source>Feedback form</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="387" />
        <source>Plain-text limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="388" />
        <source>Deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="390" />
        <source>Seal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="401" />
        <source>Choose seal image…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="418" />
        <source>A PNG with a transparent background looks best; it is pressed over the agency name and date. Common sizes: 42, 45 or 50 mm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="426" />
        <source>Diameter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="445" />
        <source>No seal image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="464" />
        <source>Cannot show this image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="470" />
        <source>Choose the seal image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="472" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="489" />
        <source>Cannot read {name}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="514" />
        <source>The category is printed at the top right of page 1 (e.g. “A类”). The reply templates are written for A, B and C: D uses the C templates, 甲/乙/丙 use A/B/C.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="523" />
        <source>Scheme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="548" />
        <location filename="../../desktop/ui/settings_dialog.py" line="727" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="549" />
        <source>Body text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="550" />
        <source>Headings 一、</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="551" />
        <source>Headings （一）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="552" />
        <source>Page numbers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="569" />
        <source>Default: {font}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="596" />
        <source>The font names are written into the Word file. Word uses them on a PC where they are installed; “(not installed)” means this PC lacks the font, so the preview and the PDF use a substitute.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="617" />
        <source>(not installed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="619" />
        <source>This PC shows {font} instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="621" />
        <source>This PC shows its default font instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="657" />
        <source>One deputy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="658" />
        <source>Joint suggestion (5 deputies)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="659" />
        <source>CPPCC member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="661" />
        <source>Save template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="686" />
        <source>Preview with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="701" />
        <source>Variables in {{ … }} are filled from the case and the profile, e.g. {{ addressee }}, {{ title }}, {{ we }}. A blank line starts a new paragraph. A template with an error is not used: the shipped one is used instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="728" />
        <source>Salutation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="729" />
        <source>Greeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="730" />
        <source>What was done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="731" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="732" />
        <source>Closing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="733" />
        <source>Contact note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="739" />
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="741" />
        <source>Co-organizer opinion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="743" />
        <source>Category {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="754" />
        <source>(edited)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="846" />
        <source>Your copy: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="848" />
        <source>Not saved yet. Your copy will be kept as {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="851" />
        <source>Shipped template. When you change it, your copy is kept in {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="893" />
        <source>the output still has {{ or {%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="905" />
        <source>Line {line}: {message}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="941" />
        <location filename="../../desktop/ui/settings_dialog.py" line="944" />
        <source>Cannot save the template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="664" />
        <location filename="../../desktop/ui/settings_dialog.py" line="969" />
        <source>Restore default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="970" />
        <source>Delete your copy of {name} and use the shipped template again?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="979" />
        <source>Cannot delete the template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1007" />
        <source>The new language is used the next time ReplyDesk starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1011" />
        <source>Language of the window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="1049" />
        <source>Enter a font name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="27" />
        <source>Insert paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="42" />
        <source>Delete paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="60" />
        <location filename="../../desktop/ui/undo_commands.py" line="80" />
        <source>Move paragraph</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="99" />
        <source>Edit text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="140" />
        <source>Apply correction</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="93" />
        <source>ReplyDesk</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>