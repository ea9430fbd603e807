<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About GovShare Desktop</source>
        <translation>关于政务信息资源共享桌面端</translation>
    </message>
    <message>
        <source>&lt;h2&gt;GovShare Desktop {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;政务信息资源共享桌面端 {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Compile your unit&apos;s information resource catalog, request and answer data shares, and view the data you are authorised to see — offline, syncing with the provincial sharing platform whenever a connection is available.</source>
        <translation>编制本单位的政务信息资源目录，提出和答复共享申请，查看经授权的数据——离线也能工作，联网时与省级共享平台同步。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份目录</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Catalog profile</source>
        <translation>目录规范</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer the objection</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <source>{raiser} doubts the {aspect} of {resource} ({item}):</source>
        <translation>{raiser} 对 {resource}（{item}）的{aspect}提出异议：</translation>
    </message>
    <message>
        <source>the whole resource</source>
        <translation>整个资源</translation>
    </message>
    <message>
        <source>What you checked and what you corrected, or why the data stands.</source>
        <translation>写明核实了什么、更正了什么，或数据无误的理由。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>答复结果</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>The answer is given once. It is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation>每件异议只答复一次。答复先保存在本机，下次同步时送达平台，当前离线也可以答复。</translation>
    </message>
    <message>
        <source>Choose the result: accepted, corrected or not accepted.</source>
        <translation>请选择答复结果：已采纳、已更正或不予采纳。</translation>
    </message>
</context>
<context>
    <name>ArrivalAnnouncer</name>
    <message>
        <source>New notice from the sharing authority: %1</source>
        <translation>收到主管部门的新通报：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n new notices from the sharing authority</source>
        <translation>
            <numerusform>收到主管部门的 %n 条新通报</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>GovShare notices</source>
        <translation>政务信息共享通报</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach a PDF file, such as the record of the negotiation (at most 20 MB).</source>
        <translation>添加 PDF 文件，例如协商记录（不超过 20 MB）。</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>this PC, not sent yet</source>
        <translation>本机，尚未发送</translation>
    </message>
</context>
<context>
    <name>AuthorizedDataPage</name>
    <message>
        <source>Authorized data</source>
        <translation>授权数据</translation>
    </message>
    <message>
        <source>The data your unit is authorised to use, and only within the grant: the granted data items, for the granted purpose, until the grant ends. Every view, query, export and print is recorded (Art. 14, 15, 17).</source>
        <translation>本单位经授权可以使用的数据，且仅限授权范围内使用：授权的信息项、授权的用途、授权的期限。每次查看、查询、导出和打印都会被记录（第十四、十五、十七条）。</translation>
    </message>
    <message>
        <source>View rows</source>
        <translation>查看数据</translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation>离线保存</translation>
    </message>
    <message>
        <source>Delete offline copy</source>
        <translation>删除离线副本</translation>
    </message>
    <message>
        <source>Acknowledge revocation</source>
        <translation>确认已知悉撤销</translation>
    </message>
    <message>
        <source>No grants yet</source>
        <translation>还没有授权</translation>
    </message>
    <message>
        <source>Grants reach this PC when you sign in and sync (F5). To ask another unit for data, draft a request on the 共享申请 page; once the platform grants it, it is listed here.</source>
        <translation>登录并同步（F5）后，本单位获得的授权会下载到本机。需要其他单位的数据，请在“共享申请”页起草申请；平台授权后即在此列出。</translation>
    </message>
    <message>
        <source>This grant does not allow keeping its rows on this PC.</source>
        <translation>本授权不允许在本机保存数据。</translation>
    </message>
    <message>
        <source>Objection queued: it reaches the provider with the next sync. Follow it under Share requests → Objections.</source>
        <translation>异议已排队，随下次同步发给提供单位。可在 共享申请 → 异议 中跟踪办理情况。</translation>
    </message>
    <message>
        <source>Keeping the rows on this PC…</source>
        <translation>正在将数据保存到本机…</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Catalog</source>
        <translation>目录编制</translation>
    </message>
    <message>
        <source>Compile and maintain your unit&apos;s information resource catalog. Every change is saved on this PC as you make it; Ctrl+Z undoes it.</source>
        <translation>编制和维护本单位的政务信息资源目录。每项修改都会立即保存在本机；按 Ctrl+Z 可撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>共 %n 条信息资源</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>Edit {field} of {code}</source>
        <translation>修改 {code} 的“{field}”</translation>
    </message>
    <message>
        <source>Edit the data items of {code}</source>
        <translation>修改 {code} 的信息项</translation>
    </message>
    <message>
        <source>New information resource</source>
        <translation>新建信息资源</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新建信息资源</translation>
    </message>
    <message>
        <source>Catalog — {unit}</source>
        <translation>目录编制 — {unit}</translation>
    </message>
    <message>
        <source>The catalog has no resources yet</source>
        <translation>目录中还没有信息资源</translation>
    </message>
    <message>
        <source>Create resources one by one, or import a catalog workbook filled in Excel or WPS. No workbook yet? Export the blank template, fill it in and import it.</source>
        <translation>可以逐条新建信息资源，也可以导入在 Excel 或 WPS 中填好的目录工作簿。还没有工作簿？先导出空白模板，填好后再导入。</translation>
    </message>
    <message>
        <source>Import a catalog workbook…</source>
        <translation>导入目录工作簿…</translation>
    </message>
    <message>
        <source>Export the blank template…</source>
        <translation>导出空白模板…</translation>
    </message>
    <message>
        <source>Delete {code}</source>
        <translation>删除 {code}</translation>
    </message>
    <message>
        <source>Deleted “{name}” ({code}).</source>
        <translation>已删除“{name}”（{code}）。</translation>
    </message>
</context>
<context>
    <name>CatalogToolbar</name>
    <message>
        <source>Search names, abstracts and data items…</source>
        <translation>搜索名称、摘要和信息项…</translation>
    </message>
    <message>
        <source>&amp;New resource</source>
        <translation>新建信息资源(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Fi&amp;ling…</source>
        <translation>备案(&amp;L)…</translation>
    </message>
    <message>
        <source>One &amp;source…</source>
        <translation>一数一源(&amp;S)…</translation>
    </message>
    <message>
        <source>De&amp;rive…</source>
        <translation>从上级派生(&amp;R)…</translation>
    </message>
    <message>
        <source>Source chec&amp;ked</source>
        <translation>已核对来源(&amp;K)</translation>
    </message>
    <message>
        <source>E&amp;xcel</source>
        <translation>Excel 表格(&amp;X)</translation>
    </message>
    <message>
        <source>Import a catalog workbook, export the template or the catalog, check a data file</source>
        <translation>导入目录工作簿、导出模板或目录、校验数据文件</translation>
    </message>
    <message>
        <source>Derive entries from the superior unit&apos;s catalog</source>
        <translation>依照上级单位的目录派生本单位的信息资源</translation>
    </message>
    <message>
        <source>The superior entry this one was derived from changed; mark it as reviewed</source>
        <translation>派生所依据的上级信息资源已变化；核对后标记为已核对</translation>
    </message>
    <message>
        <source>一数一源: the same data offered by several providers</source>
        <translation>一数一源：同一数据由多个提供方提供的情况</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <source>Not yet filed</source>
        <translation>未备案（新增）</translation>
    </message>
    <message>
        <source>Changed since filing</source>
        <translation>备案后已修改</translation>
    </message>
    <message>
        <source>As filed</source>
        <translation>与备案一致</translation>
    </message>
    <message>
        <source>Superior entry changed</source>
        <translation>上级来源已变化</translation>
    </message>
    <message>
        <source>By classification</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>按提供方</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>全部提供方</translation>
    </message>
    <message>
        <source>All share types</source>
        <translation>全部共享类型</translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <source>{code} (unnamed {level})</source>
        <translation>{code}（未命名的{level}）</translation>
    </message>
    <message>
        <source>Right-click to name this class or change its name</source>
        <translation>右键单击可为此分类命名或更改名称</translation>
    </message>
</context>
<context>
    <name>ClassNaming</name>
    <message>
        <source>&amp;Rename {level} {code}…</source>
        <translation>重命名{level} {code}(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Clear the name</source>
        <translation>清除名称(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the name of {code}</source>
        <translation>清除 {code} 的名称</translation>
    </message>
    <message>
        <source>&amp;Name {level} {code}…</source>
        <translation>为{level} {code} 命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Name a class</source>
        <translation>为分类命名</translation>
    </message>
    <message>
        <source>Name of {level} {code} (shown in the tree and the form; kept on this PC):</source>
        <translation>{level} {code} 的名称（显示在目录树和表单中，仅保存在本机）：</translation>
    </message>
    <message>
        <source>Name {code} “{name}”</source>
        <translation>将 {code} 命名为“{name}”</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Newest schema known</source>
        <translation>本版本支持的最新结构</translation>
    </message>
    <message>
        <source>Catalog profile</source>
        <translation>目录规范</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>The database is sound and at the newest schema.</source>
        <translation>数据库完好，结构为最新版本。</translation>
    </message>
    <message>
        <source>The database schema is older than this version; run: govshare db upgrade</source>
        <translation>数据库结构比本版本旧，请运行：govshare db upgrade</translation>
    </message>
    <message>
        <source>Integrity problem</source>
        <translation>完整性问题</translation>
    </message>
    <message>
        <source>Upgraded the database from {old} to {new}.</source>
        <translation>已将数据库结构从 {old} 升级到 {new}。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The database is already at the newest schema.</source>
        <translation>数据库结构已是最新版本。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Secret (stays on this PC)</source>
        <translation>涉密（仅保存在本机）</translation>
    </message>
    <message>
        <source>{n} resource(s).</source>
        <translation>共 {n} 条信息资源。</translation>
    </message>
    <message>
        <source>The catalog of {unit} ({code}), credit code {credit_code}.</source>
        <translation>{unit}（{code}）的目录，统一社会信用代码 {credit_code}。</translation>
    </message>
    <message>
        <source>This data directory belongs to no unit yet: the first sign-in (govshare login) gives it the officer&apos;s unit.</source>
        <translation>此数据目录尚未归属任何单位：首次登录（govshare login）后即归属登录人员所在的单位。</translation>
    </message>
    <message>
        <source>{n} entry(ies) of the shared directory.</source>
        <translation>共享目录共 {n} 个条目。</translation>
    </message>
    <message>
        <source>The shared directory is empty here: sign in (govshare login) and sync; the catalogs the other units have filed arrive with the next sync.</source>
        <translation>本机的共享目录为空：请登录（govshare login）并同步，其他单位已备案的目录将在下次同步时下载。</translation>
    </message>
    <message>
        <source>(superior unit)</source>
        <translation>（上级单位）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请方</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途（履行职责需要）</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Explanation due</source>
        <translation>书面说明期限</translation>
    </message>
    <message>
        <source>Coordination due</source>
        <translation>协调期限</translation>
    </message>
    <message>
        <source>Possible next</source>
        <translation>可进行的操作</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>{name} ({size} bytes, SHA-256 {sha256})</source>
        <translation>{name}（{size} 字节，SHA-256 {sha256}）</translation>
    </message>
    <message>
        <source>{n} share request(s).</source>
        <translation>共 {n} 件共享申请。</translation>
    </message>
    <message>
        <source>No share request has the id {id} here.</source>
        <translation>本机没有标识为 {id} 的共享申请。</translation>
    </message>
    <message>
        <source>({n} step(s) waiting to be sent)</source>
        <translation>（{n} 项操作待发送）</translation>
    </message>
    <message>
        <source>(a step was refused by the platform)</source>
        <translation>（有操作被平台拒绝）</translation>
    </message>
    <message>
        <source>Waiting to be sent: {action}</source>
        <translation>待发送：{action}</translation>
    </message>
    <message>
        <source>{action} was refused by the platform: {reason}</source>
        <translation>{action} 被平台拒绝：{reason}</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>提出</translation>
    </message>
    <message>
        <source>to answer</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>{n} objection(s).</source>
        <translation>共 {n} 件异议。</translation>
    </message>
    <message>
        <source>(waiting to be sent)</source>
        <translation>（待发送）</translation>
    </message>
    <message>
        <source>(refused by the platform)</source>
        <translation>（被平台拒绝）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <source>completeness</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>timeliness</source>
        <translation>时效性</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>awaiting the answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>No resource has the code or id {key}.</source>
        <translation>没有代码或标识为 {key} 的信息资源。</translation>
    </message>
    <message>
        <source>All {n} resource(s) are valid.</source>
        <translation>全部 {n} 条信息资源校验通过。</translation>
    </message>
    <message>
        <source>{errors} error(s) and {warnings} warning(s).</source>
        <translation>{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>data item {n}</source>
        <translation>第 {n} 个信息项</translation>
    </message>
    <message>
        <source>being compiled</source>
        <translation>编制中</translation>
    </message>
    <message>
        <source>submitted for filing</source>
        <translation>报备中</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>returned for revision</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Version {n} was frozen and submitted for filing.</source>
        <translation>第 {n} 版目录已冻结并提交备案。</translation>
    </message>
    <message>
        <source>The working copy has changes that no version holds yet.</source>
        <translation>当前编制中的目录有尚未形成版本的修改。</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>data items added</source>
        <translation>新增信息项</translation>
    </message>
    <message>
        <source>data items removed</source>
        <translation>删除信息项</translation>
    </message>
    <message>
        <source>data items changed</source>
        <translation>修改信息项</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed, {changed} changed, {unchanged} unchanged.</source>
        <translation>新增 {added} 条，删除 {removed} 条，修改 {changed} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <source>data item in several providers</source>
        <translation>信息项由多个提供方提供</translation>
    </message>
    <message>
        <source>resource name in several providers</source>
        <translation>信息资源名称与其他提供方重复</translation>
    </message>
    <message>
        <source>justified</source>
        <translation>已说明</translation>
    </message>
    <message>
        <source>to resolve</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>{n} overlap(s), {open} still to resolve or justify.</source>
        <translation>共 {n} 处重复，其中 {open} 处尚待处理或说明。</translation>
    </message>
    <message>
        <source>Exported {n} resource(s) to {path}.</source>
        <translation>已将 {n} 条信息资源导出到 {path}。</translation>
    </message>
    <message>
        <source>Superior catalog of {unit}: {added} new, {changed} changed, {unchanged} unchanged entries.</source>
        <translation>上级单位 {unit} 的目录：新增 {added} 条，变化 {changed} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <source>Derived {code} {name}.</source>
        <translation>已派生 {code} {name}。</translation>
    </message>
    <message>
        <source>Exported {n} resource(s) open to society to {path}.</source>
        <translation>已将 {n} 条向社会开放的信息资源导出到 {path}。</translation>
    </message>
    <message>
        <source>Checked {rows} row(s) of sheet {sheet} (header on row {header}) for {code} {name}.</source>
        <translation>已按 {code} {name} 检查工作表 {sheet} 的 {rows} 行（表头在第 {header} 行）。</translation>
    </message>
    <message>
        <source>No errors: the file fits the resource&apos;s data items.</source>
        <translation>没有错误：文件与该资源的信息项相符。</translation>
    </message>
    <message>
        <source>{n} more finding(s) are counted but not listed.</source>
        <translation>另有 {n} 个问题已计数，未逐条列出。</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>检查报告已写入 {path}。</translation>
    </message>
    <message>
        <source>Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} changed, {unchanged} unchanged.</source>
        <translation>已导入 {resources} 个信息资源、{items} 个信息项：新增 {new} 个，修改 {changed} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>Dry run: {resources} resource(s) with {items} data item(s) would be imported: {new} new, {changed} changed, {unchanged} unchanged. Nothing was stored.</source>
        <translation>试导入：将导入 {resources} 个信息资源、{items} 个信息项：新增 {new} 个，修改 {changed} 个，未变 {unchanged} 个。未保存任何内容。</translation>
    </message>
    <message>
        <source>{errors} error(s) and {warnings} warning(s) in {resources} resource(s). Nothing was stored; fix the workbook and import it again.</source>
        <translation>{resources} 个信息资源中有 {errors} 个错误、{warnings} 个警告。未保存任何内容；请修改工作簿后重新导入。</translation>
    </message>
    <message>
        <source>{n} row(s) would change resources this catalog already holds (listed above). To update them on purpose, import again with --update-existing.</source>
        <translation>有 {n} 行将修改本目录中已有的信息资源（见上文列表）。如确需更新这些资源，请加 --update-existing 重新导入。</translation>
    </message>
    <message>
        <source>Resources this catalog already holds that the workbook changes: {n}</source>
        <translation>工作簿将修改的已有信息资源：{n} 个</translation>
    </message>
    <message>
        <source>ANOTHER NAME under this code: most likely a different resource whose code collides with yours</source>
        <translation>此代码下名称不同：很可能是另一项信息资源占用了本单位已用的代码</translation>
    </message>
    <message>
        <source>deleted before; the import brings it back</source>
        <translation>此前已删除；导入将恢复该资源</translation>
    </message>
    <message>
        <source>Undid the import of {file}: {deleted} resource(s) it created deleted, {restored} given back their previous content.</source>
        <translation>已撤销 {file} 的导入：删除了导入新建的 {deleted} 个信息资源，{restored} 个恢复为导入前的内容。</translation>
    </message>
    <message>
        <source>This workbook was already imported on {at}.</source>
        <translation>该工作簿已于 {at} 导入过。</translation>
    </message>
    <message>
        <source>The workbook with the problems marked: {path}</source>
        <translation>已标出问题的工作簿：{path}</translation>
    </message>
    <message>
        <source>Wrote the catalog template to {path}.</source>
        <translation>目录模板已写入 {path}。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Signed in as {name} ({officer}) of {unit} ({code}).</source>
        <translation>已登录：{name}（{officer}），{unit}（{code}）。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>共享平台</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>{n} change(s) stay on this PC until someone of the unit signs in again.</source>
        <translation>{n} 项更改保留在本机，待本单位有人重新登录后再发送。</translation>
    </message>
    <message>
        <source>Sync first, or sign out anyway (the changes stay): govshare logout --force</source>
        <translation>请先同步，或仍然退出登录（更改会保留）：govshare logout --force</translation>
    </message>
    <message>
        <source>Synced: {sent} change(s) sent, {applied} change(s) from the platform taken in.</source>
        <translation>同步完成：已发送 {sent} 项更改，已接收共享平台的 {applied} 项更改。</translation>
    </message>
    <message>
        <source>The platform&apos;s changes were read again from the start (its cursor had expired).</source>
        <translation>共享平台的更改已从头重新读取（原读取位置已失效）。</translation>
    </message>
    <message>
        <source>{n} change(s) still wait to be sent.</source>
        <translation>{n} 项更改仍在等待发送。</translation>
    </message>
    <message>
        <source>{n} change(s) were refused by the platform: see the 同步 page in the app.</source>
        <translation>共享平台拒绝了 {n} 项更改：请在应用的“同步”页查看。</translation>
    </message>
    <message>
        <source>{n} conflict(s) wait for you: the platform and this PC changed the same field. Resolve them on the 同步 page in the app.</source>
        <translation>{n} 个冲突等待您处理：共享平台和本机修改了同一字段。请在应用的“同步”页解决。</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>上次成功同步：{when}</translation>
    </message>
    <message>
        <source>Resource	Provider	Valid until	Allowed	Status	Grant</source>
        <translation>信息资源	提供方	有效期至	允许	状态	授权</translation>
    </message>
    <message>
        <source>{n} grant(s).</source>
        <translation>共 {n} 项授权。</translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation>离线保存</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expires within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>revoked: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <source>{rows} row(s) kept offline</source>
        <translation>本机保存 {rows} 行</translation>
    </message>
    <message>
        <source>offline copy hidden until the next sync</source>
        <translation>离线副本已隐藏，待下次同步确认</translation>
    </message>
    <message>
        <source>{n} row(s) from the encrypted copy on this PC.</source>
        <translation>{n} 行，来自本机加密副本。</translation>
    </message>
    <message>
        <source>{n} row(s) from the platform.</source>
        <translation>{n} 行，来自共享平台。</translation>
    </message>
    <message>
        <source>More rows follow; ask with --limit.</source>
        <translation>还有更多数据，可用 --limit 指定行数。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(unnamed resource)</source>
        <translation>（未命名资源）</translation>
    </message>
    <message>
        <source>Resolve conflict — {name}</source>
        <translation>解决冲突 — {name}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>“{name}” was changed on this PC and on the platform since the last sync, and both changed the fields below. Choose for each field which value to keep; the other fields were merged already. What you choose is sent to the platform with the next sync.</source>
        <translation>自上次同步以来，本机和共享平台都修改了“{name}”，而且都改了下面这些字段。请逐个字段选择保留哪个值；其他字段已自动合并。您的选择会在下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>This PC&apos;s value</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>The platform&apos;s value</source>
        <translation>平台的值</translation>
    </message>
    <message>
        <source>All from this PC</source>
        <translation>全部用本机的值</translation>
    </message>
    <message>
        <source>All from the platform</source>
        <translation>全部用平台的值</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>“{name}” was deleted on the platform, but this PC still has changes to it that were not sent. Discard this PC&apos;s changes (the resource is removed here too), or keep it as a new resource that is sent to the platform with the next sync.</source>
        <translation>共享平台上已删除“{name}”，但本机还有尚未发送的修改。您可以放弃本机修改（本机也删除该资源），或把它作为新资源保留，在下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Discard this PC&apos;s changes</source>
        <translation>放弃本机修改</translation>
    </message>
    <message>
        <source>Keep as a new resource</source>
        <translation>作为新资源保留</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>GovShare Desktop ran into an internal error. Everything you saved is safe: no change is ever half-written to the database.

Please send the log file to IT support:
{log}</source>
        <translation>程序发生内部错误。您已保存的内容都是安全的：任何修改都不会只写入一半。

请将日志文件发送给信息技术支持人员：
{log}</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>GovShare Desktop</source>
        <translation>政务信息资源共享桌面端</translation>
    </message>
</context>
<context>
    <name>DataFileDialog</name>
    <message>
        <source>Check a data file</source>
        <translation>校验数据文件</translation>
    </message>
    <message>
        <source>Checks a data file of “{code} {name}” against the resource&apos;s data items: missing columns, and values that do not fit their type, length or obligation. This only checks the file; nothing is stored or uploaded (uploading comes with synchronisation).</source>
        <translation>按信息项校验“{code} {name}”的数据文件：缺少的列，以及类型、长度或必填要求不符的值。这里只检查文件，不保存也不上传（上传随同步功能提供）。</translation>
    </message>
    <message>
        <source>Choose data file…</source>
        <translation>选择数据文件…</translation>
    </message>
    <message>
        <source>A spreadsheet or CSV file (.xlsx .xlsm .xls .xlsb .ods .csv)</source>
        <translation>电子表格或 CSV 文件（.xlsx .xlsm .xls .xlsb .ods .csv）</translation>
    </message>
    <message>
        <source>A workbook of the file&apos;s values with every problem cell coloured</source>
        <translation>含文件数据的工作簿，每个有问题的单元格均已着色</translation>
    </message>
    <message>
        <source>Choose the file to check.</source>
        <translation>请选择要检查的文件。</translation>
    </message>
    <message>
        <source>This resource has no data items yet. Add them in the catalog first: a data file is checked against them.</source>
        <translation>该资源还没有信息项。请先在目录中添加：数据文件依据信息项进行校验。</translation>
    </message>
    <message>
        <source>This resource has no data items yet</source>
        <translation>该信息资源还没有信息项</translation>
    </message>
    <message>
        <source>Add them in the catalog first: a data file is checked against them.</source>
        <translation>请先在目录中添加信息项：数据文件将按信息项校验。</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>正在校验数据文件…</translation>
    </message>
    <message>
        <source>The file could not be checked</source>
        <translation>未能校验该文件</translation>
    </message>
    <message>
        <source>The reason is above. Choose another file, or save it again in Excel.</source>
        <translation>原因见上方说明。请换一个文件，或在 Excel 中重新保存后再试。</translation>
    </message>
    <message>
        <source>Choose the data file to check</source>
        <translation>选择要校验的数据文件</translation>
    </message>
    <message>
        <source>Every value that does not fit its data item is listed here with its cell, and a copy with the problem cells coloured can be saved.</source>
        <translation>每一个不符合信息项要求的值都会连同单元格位置列在这里，并可另存一份标出问题单元格的副本。</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>没有发现问题</translation>
    </message>
    <message>
        <source>Every column and value fits the resource&apos;s data items.</source>
        <translation>每一列、每一个值都符合该信息资源的信息项。</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv);;All files (*)</source>
        <translation>电子表格和 CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>Checking the data file</source>
        <translation>正在校验数据文件</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n row(s) of sheet {sheet} (header on row {header}).</source>
        <translation>
            <numerusform>已检查工作表 {sheet} 的 %n 行（表头在第 {header} 行）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s).</source>
        <translation>{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message numerus="yes">
        <source>%n more finding(s) are counted but not listed.</source>
        <translation>
            <numerusform>另有 %n 个问题已计数，未逐条列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>No errors: the file fits the resource&apos;s data items.</source>
        <translation>没有错误：文件与该资源的信息项相符。</translation>
    </message>
</context>
<context>
    <name>DataItemsEditor</name>
    <message>
        <source>&lt;b&gt;Data items&lt;/b&gt;</source>
        <translation>&lt;b&gt;信息项&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <source>Paste rows copied from Excel: name, data type, length, description</source>
        <translation>粘贴从 Excel 复制的行：名称、数据类型、长度、说明</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>信息项名称</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Data item {n}</source>
        <translation>信息项 {n}</translation>
    </message>
</context>
<context>
    <name>DeriveDialog</name>
    <message>
        <source>Derive from the superior catalog (Art. 11)</source>
        <translation>依照上级目录派生（第十一条）</translation>
    </message>
    <message>
        <source>Load the superior catalog file…</source>
        <translation>载入上级目录文件…</translation>
    </message>
    <message>
        <source>Load the catalog file your superior unit exported.</source>
        <translation>请载入上级单位导出的目录文件。</translation>
    </message>
    <message>
        <source>Start from your superior unit&apos;s catalog</source>
        <translation>从上级单位的目录开始</translation>
    </message>
    <message>
        <source>Load the catalog exchange file (.json) your superior unit exported. Its entries are listed here: tick those that apply to your unit, then press “Derive the ticked entries”.</source>
        <translation>载入上级单位导出的目录交换文件（.json）。文件中的条目会列在这里：勾选适用于本单位的条目，再点击“派生所勾选的信息资源”。</translation>
    </message>
    <message>
        <source>Derive the ticked entries</source>
        <translation>派生所勾选的信息资源</translation>
    </message>
    <message>
        <source>Superior catalog file</source>
        <translation>上级目录文件</translation>
    </message>
    <message>
        <source>Catalog files (*.json)</source>
        <translation>目录文件 (*.json)</translation>
    </message>
    <message>
        <source>Superior catalog of {unit}: {added} new, {changed} changed entries.</source>
        <translation>上级单位 {unit} 的目录：新增 {added} 条，变化 {changed} 条。</translation>
    </message>
    <message>
        <source>No entries to derive</source>
        <translation>没有可派生的条目</translation>
    </message>
    <message>
        <source>The file holds no entry of the superior catalog. Check that it is the catalog file your superior unit exported, and load it again.</source>
        <translation>该文件中没有上级目录的条目。请确认它是上级单位导出的目录文件，然后重新载入。</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) derived into your catalog.</source>
        <translation>
            <numerusform>已向本单位目录派生 %n 条信息资源。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Shared directory</source>
        <translation>共享目录</translation>
    </message>
    <message>
        <source>The catalogs other units have filed, kept on this PC by every sync so you can browse and search them offline. Derive your own entries from your superior unit&apos;s catalog here (Art. 11 §3).</source>
        <translation>其他单位已备案的政务信息资源目录，每次同步后保存在本机，离线也能浏览和搜索。可在此依照上级单位的目录派生本单位的信息资源（第十一条）。</translation>
    </message>
    <message>
        <source>Search names, abstracts and data items…</source>
        <translation>搜索名称、摘要和信息项…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>资源代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>提供单位</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>&amp;Derive into my catalog</source>
        <translation>派生到本单位目录(&amp;D)</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>没有与“%1”匹配的条目</translation>
    </message>
    <message>
        <source>Try fewer or other words; the search looks in names, abstracts and data items.</source>
        <translation>请减少或更换关键词；搜索范围为名称、摘要和信息项。</translation>
    </message>
    <message>
        <source>The shared directory is empty</source>
        <translation>共享目录为空</translation>
    </message>
    <message>
        <source>Sign in to the platform (File → Sign in…). The catalogs the other units have filed arrive with the next sync and stay on this PC, to browse and search offline.</source>
        <translation>请登录共享平台（文件 → 登录…）。其他单位已备案的目录将在下次同步时下载，并保存在本机，供离线浏览和搜索。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (your superior unit)</source>
        <translation>%1（上级单位）</translation>
    </message>
    <message>
        <source>Only your superior unit&apos;s entries are derived from (Art. 11 §3).</source>
        <translation>只能依照上级单位的目录派生（第十一条）。</translation>
    </message>
    <message>
        <source>Sign in first: the new entry goes into your unit&apos;s catalog.</source>
        <translation>请先登录：派生的信息资源将加入本单位的目录。</translation>
    </message>
    <message>
        <source>A new entry of your catalog, linked to this one.</source>
        <translation>在本单位目录中新建一条信息资源，并关联到此条目。</translation>
    </message>
    <message>
        <source>Derived into your catalog: %1. Complete it on the Catalog page.</source>
        <translation>已派生到本单位目录：%1。请在“目录编制”页补充完善。</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Edit the draft</source>
        <translation>编辑草稿</translation>
    </message>
    <message>
        <source>New share request</source>
        <translation>新建共享申请</translation>
    </message>
    <message>
        <source>Search the shared directory…</source>
        <translation>搜索共享目录…</translation>
    </message>
    <message>
        <source>Tick the data items you need:</source>
        <translation>勾选所需的信息项：</translation>
    </message>
    <message>
        <source>Which duty of your unit needs this data</source>
        <translation>本单位履行哪项职责需要这些数据</translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation>由提供方确定</translation>
    </message>
    <message>
        <source>Limited to</source>
        <translation>限定期限</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Duty served</source>
        <translation>履行职责需要</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Nothing found in the shared directory.</source>
        <translation>共享目录中没有找到相符的资源。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1，提供方：%2</translation>
    </message>
    <message>
        <source>Attach PDF files</source>
        <translation>添加 PDF 附件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>added now</source>
        <translation>本次添加</translation>
    </message>
    <message>
        <source>Choose a resource from the shared directory.</source>
        <translation>请从共享目录中选择资源。</translation>
    </message>
    <message>
        <source>Tick at least one data item you need.</source>
        <translation>请至少勾选一个所需的信息项。</translation>
    </message>
    <message>
        <source>Say which duty of your unit needs this data.</source>
        <translation>请写明本单位履行哪项职责需要这些数据。</translation>
    </message>
    <message>
        <source>The period of use ends before it begins.</source>
        <translation>使用期限的结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Provided by</source>
        <translation>提供单位</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>资源分类</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>%1 (your superior unit)</source>
        <translation>%1（上级单位）</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a catalog workbook (Ctrl+I)</source>
        <translation>导入目录工作簿（Ctrl+I）</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Export &amp;template…</source>
        <translation>导出模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Export catalog to &amp;Excel…</source>
        <translation>导出目录到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Check data &amp;file…</source>
        <translation>校验数据文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Check a data file against the selected resource&apos;s data items</source>
        <translation>按所选资源的信息项校验数据文件</translation>
    </message>
    <message>
        <source>Import catalog workbook</source>
        <translation>导入目录工作簿</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <source>Take the whole import back (Ctrl+Z)</source>
        <translation>撤销整次导入（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the catalog template</source>
        <translation>导出目录模板</translation>
    </message>
    <message>
        <source>template.xlsx</source>
        <translation>目录模板.xlsx</translation>
    </message>
    <message>
        <source>The catalog template was written to {path}.</source>
        <translation>目录模板已写入 {path}。</translation>
    </message>
    <message>
        <source>Export the catalog to Excel</source>
        <translation>导出目录到 Excel</translation>
    </message>
    <message>
        <source>catalog.xlsx</source>
        <translation>信息资源目录.xlsx</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) exported to {path}.</source>
        <translation>
            <numerusform>已将 %n 个信息资源导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileCheckDialog</name>
    <message>
        <source>Save marked workbook…</source>
        <translation>保存标注后的工作簿…</translation>
    </message>
    <message>
        <source>-marked</source>
        <translation>-已标注</translation>
    </message>
    <message>
        <source>Save marked workbook</source>
        <translation>保存标注后的工作簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The marked workbook was saved to {path}.</source>
        <translation>标注后的工作簿已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <source>Submit for filing</source>
        <translation>提交备案</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Loading the catalog&apos;s versions…</source>
        <translation>正在读取目录的各个版本…</translation>
    </message>
    <message>
        <source>Catalog filing (备案)</source>
        <translation>目录备案</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>报备原因：</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>being compiled (编制中)</source>
        <translation>编制中</translation>
    </message>
    <message>
        <source>submitted for filing (报备中)</source>
        <translation>报备中</translation>
    </message>
    <message>
        <source>filed (已备案)</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>returned for revision (退回修改)</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>No version has been filed yet; the catalog is being compiled.</source>
        <translation>目录尚未备案，正在编制中。</translation>
    </message>
    <message>
        <source>Version {n}: {state}</source>
        <translation>第 {n} 版：{state}</translation>
    </message>
    <message>
        <source>authority: {comment}</source>
        <translation>主管部门意见：{comment}</translation>
    </message>
    <message>
        <source>The working copy has changes that no version holds yet.</source>
        <translation>当前编制中的目录有尚未形成版本的修改。</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>报备原因（必填）：</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>编制中的目录</translation>
    </message>
    <message>
        <source>Choose two versions above and press Compare: the resources added, removed and changed between them are listed here, ready to print.</source>
        <translation>在上方选择两个版本后点击“比较”：两者之间新增、删除和修改的信息资源会列在这里，可直接打印。</translation>
    </message>
    <message>
        <source>No version yet. Once you submit the catalog for filing, each version can be compared here with the next one or with the working copy.</source>
        <translation>尚无版本。提交备案后，可在这里将各个版本与下一版或编制中的目录进行比较。</translation>
    </message>
    <message>
        <source>Reading where the catalog stands…</source>
        <translation>正在读取目录状态…</translation>
    </message>
    <message>
        <source>The catalog has no resources yet: create or import them first.</source>
        <translation>目录中还没有信息资源：请先新建或导入。</translation>
    </message>
    <message>
        <source>Write the reason for filing again above.</source>
        <translation>请在上方填写再次备案的原因。</translation>
    </message>
    <message>
        <source>Version {n} was frozen and submitted for filing.</source>
        <translation>第 {n} 版目录已冻结并提交备案。</translation>
    </message>
    <message>
        <source>Changes from {old} to {new}</source>
        <translation>从 {old} 到 {new} 的变化</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Data items added</source>
        <translation>新增信息项</translation>
    </message>
    <message>
        <source>Data items removed</source>
        <translation>删除信息项</translation>
    </message>
    <message>
        <source>Data items changed</source>
        <translation>修改信息项</translation>
    </message>
</context>
<context>
    <name>GrantBox</name>
    <message>
        <source>Grant</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Data items granted</source>
        <translation>授权信息项</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>使用权限</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Raise &amp;objection…</source>
        <translation>提出异议(&amp;O)…</translation>
    </message>
    <message>
        <source>Object to the accuracy, completeness or timeliness of the granted data.</source>
        <translation>对授权数据的准确性、完整性或时效性提出异议。</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>offline cache</source>
        <translation>可离线缓存</translation>
    </message>
    <message>
        <source>no offline cache</source>
        <translation>不可离线缓存</translation>
    </message>
    <message>
        <source>export</source>
        <translation>可导出</translation>
    </message>
    <message>
        <source>no export</source>
        <translation>不可导出</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>GrantData</name>
    <message>
        <source>{officer} · {unit} · {time}</source>
        <translation>{officer} · {unit} · {time}</translation>
    </message>
    <message>
        <source>Shared government data exported by {officer} ({unit}) at {time} under grant {grant} ({resource}). Use it only for the granted purpose; it must not be passed on, sold or published (Art. 15).</source>
        <translation>共享政务数据，由 {officer}（{unit}）于 {time} 依据授权 {grant}（{resource}）导出。仅限授权用途使用，不得转让、出售或公开扩散（第十五条）。</translation>
    </message>
</context>
<context>
    <name>GrantViewer</name>
    <message>
        <source>Authorized data: %1</source>
        <translation>授权数据：%1</translation>
    </message>
    <message>
        <source>Rows where</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>equals this value</source>
        <translation>等于此值</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <source>Tell the provider that the selected rows or fields are inaccurate, incomplete or out of date (Art. 16).</source>
        <translation>告知提供单位所选行或字段不准确、不完整或不及时（第十六条）。</translation>
    </message>
    <message>
        <source>This grant does not allow exporting its rows (Art. 15).</source>
        <translation>本授权不允许导出数据（第十五条）。</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message numerus="yes">
        <source>From the encrypted copy on this PC: %n row(s).</source>
        <translation>
            <numerusform>来自本机加密副本：共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>From the platform, page by page: more rows are read as you scroll. Sorting and jumping to the end need the copy on this PC.</source>
        <translation>来自共享平台，逐页读取：向下滚动时继续读取。排序和跳到末尾需要先离线保存到本机。</translation>
    </message>
    <message>
        <source>Rows where {item} is {values}: </source>
        <translation>{item}为 {values} 的行：</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>没有符合条件的数据。</translation>
    </message>
    <message>
        <source>The platform serves rows in its own order; sorting needs the copy on this PC.</source>
        <translation>共享平台按其自身顺序提供数据；排序需要先离线保存到本机。</translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting rows…</source>
        <translation>正在导出数据…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation>离线保存</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Revoked %1: %2</source>
        <translation>已于 %1 撤销：%2</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Expires within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Offline copy hidden until the next sync</source>
        <translation>离线副本已隐藏，待下次同步确认</translation>
    </message>
    <message numerus="yes">
        <source>Kept offline: %n row(s)</source>
        <translation>
            <numerusform>已离线保存 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline copy incomplete: %n row(s)</source>
        <translation>
            <numerusform>离线副本未完成：已保存 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>ImportChangesView</name>
    <message>
        <source>Code / field</source>
        <translation>代码 / 字段</translation>
    </message>
    <message>
        <source>Before the import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>导入后</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>等，另有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing would change %n resource(s) your catalog already holds: see the tab “Changes to existing resources”.</source>
        <translation>
            <numerusform>导入将修改本目录中已有的 %n 个信息资源，详见“将修改的已有资源”页签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them would get another name, most likely because the workbook holds a different resource under one of your codes: {list}.</source>
        <translation>
            <numerusform>其中 %n 个的名称将被改变，很可能是工作簿中另一项信息资源占用了本单位已用的代码：{list}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This import changes %n resource(s) your catalog already holds: their fields are replaced by the workbook&apos;s.</source>
        <translation>
            <numerusform>本次导入将修改本目录中已有的 %n 个信息资源：其各项内容将被工作簿中的内容替换。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them would get another name: {list}. If these are different resources, cancel and give them codes of their own in the workbook.</source>
        <translation>
            <numerusform>其中 %n 个的名称将被改变：{list}。如果它们是不同的信息资源，请取消，并在工作簿中为其另编代码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted before; the import brings it back with the workbook&apos;s content.</source>
        <translation>此前已删除；导入将按工作簿的内容恢复该资源。</translation>
    </message>
    <message>
        <source>(deleted) {name}</source>
        <translation>（已删除）{name}</translation>
    </message>
    <message>
        <source>Another name under the same code: most likely a different resource whose code collides with yours, not an update of it.</source>
        <translation>同一代码下名称不同：很可能是另一项信息资源占用了本单位已用的代码，而不是对该资源的更新。</translation>
    </message>
    <message>
        <source>Data items added</source>
        <translation>新增信息项</translation>
    </message>
    <message>
        <source>Data items removed</source>
        <translation>删除信息项</translation>
    </message>
    <message>
        <source>Data items changed</source>
        <translation>修改信息项</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import catalog workbook</source>
        <translation>导入目录工作簿</translation>
    </message>
    <message>
        <source>Choose workbook…</source>
        <translation>选择工作簿…</translation>
    </message>
    <message>
        <source>An Excel, WPS or LibreOffice workbook (.xlsx .xlsm .xls .xlsb .ods)</source>
        <translation>Excel、WPS 或 LibreOffice 工作簿（.xlsx .xlsm .xls .xlsb .ods）</translation>
    </message>
    <message>
        <source>A copy of the workbook with every problem cell coloured and commented</source>
        <translation>工作簿副本，每个有问题的单元格均已着色并加批注</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>How each column of the workbook is read. If a column was recognised wrongly, choose what it holds; the workbook is checked again.</source>
        <translation>工作簿各列的读取方式。如某列识别有误，请选择它实际的内容；工作簿会重新检查。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the workbook</source>
        <translation>工作簿中的表头</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>Choose a catalog workbook. It is checked first; nothing is stored until you import it.</source>
        <translation>请选择目录工作簿。将先进行检查；在您点击导入之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Click a problem to see its row in the sheet.</source>
        <translation>点击问题可查看它在工作表中的行。</translation>
    </message>
    <message>
        <source>Problems ({errors} errors, {warnings} warnings)</source>
        <translation>问题（{errors} 个错误，{warnings} 个警告）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列映射</translation>
    </message>
    <message numerus="yes">
        <source>Changes to existing resources (%n)</source>
        <translation>
            <numerusform>将修改的已有资源（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog workbook</source>
        <translation>目录工作簿</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>one sheet, each resource with its data items below it</source>
        <translation>单个工作表，每个信息资源下列出其信息项</translation>
    </message>
    <message>
        <source>two sheets, resources and data items</source>
        <translation>两个工作表：信息资源与信息项</translation>
    </message>
    <message>
        <source>Layout: {layout}.</source>
        <translation>格式：{layout}。</translation>
    </message>
    <message>
        <source>{resources} resource(s) with {items} data item(s).</source>
        <translation>{resources} 个信息资源，{items} 个信息项。</translation>
    </message>
    <message>
        <source>Importing would add {new} new, change {changed} and leave {unchanged} unchanged.</source>
        <translation>导入将新增 {new} 个、修改 {changed} 个，{unchanged} 个保持不变。</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s).</source>
        <translation>{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
        <source>This workbook was already imported on {at}.</source>
        <translation>该工作簿已于 {at} 导入过。</translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed in the workbook. Save the marked workbook to see them in Excel or WPS.</source>
        <translation>在工作簿中改正错误之前无法导入。可保存标注后的工作簿，在 Excel 或 WPS 中查看这些错误。</translation>
    </message>
    <message>
        <source>Sequence number (not stored)</source>
        <translation>序号（不保存）</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Read column {letter} ({header}) as</source>
        <translation>将 {letter} 列（{header}）读取为</translation>
    </message>
    <message>
        <source>Reading sheet {sheet}…</source>
        <translation>正在读取工作表 {sheet}…</translation>
    </message>
    <message>
        <source>Sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}</source>
        <translation>工作表 {sheet}，第 {row} 行</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Storing the resources…</source>
        <translation>正在保存信息资源…</translation>
    </message>
    <message>
        <source>Change existing resources?</source>
        <translation>要修改已有的信息资源吗？</translation>
    </message>
    <message>
        <source>The list is on the tab “Changes to existing resources”. Until something is synced, Ctrl+Z takes the whole import back.</source>
        <translation>修改清单见“将修改的已有资源”页签。在同步之前，可按 Ctrl+Z 撤销整次导入。</translation>
    </message>
    <message numerus="yes">
        <source>Change %n and import</source>
        <translation>
            <numerusform>修改 %n 个并导入</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing the catalog workbook</source>
        <translation>正在导入目录工作簿</translation>
    </message>
    <message>
        <source>The catalog or the workbook changed since it was checked, and the import would now change other existing resources. Nothing was stored; look at the changes again.</source>
        <translation>检查之后目录或工作簿发生了变化，导入现在会修改其他已有资源。未保存任何内容；请重新查看修改清单。</translation>
    </message>
    <message>
        <source>The workbook changed since it was checked and now has errors. Nothing was stored.</source>
        <translation>工作簿在检查后被修改，现在有错误。未保存任何内容。</translation>
    </message>
    <message>
        <source>Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} changed, {unchanged} unchanged.</source>
        <translation>已导入 {resources} 个信息资源、{items} 个信息项：新增 {new} 个，修改 {changed} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>Undo import (or Ctrl+Z) takes the whole import back, as long as nothing of it has been synced.</source>
        <translation>在导入的内容同步之前，可用“撤销导入”（或 Ctrl+Z）撤销整次导入。</translation>
    </message>
    <message>
        <source>Nothing was stored; the catalog is as it was before.</source>
        <translation>未保存任何内容；目录保持原样。</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Import of {file} undone: {deleted} resource(s) it created deleted, {restored} given back their previous content.</source>
        <translation>已撤销 {file} 的导入：删除了导入新建的 {deleted} 个信息资源，{restored} 个恢复为导入前的内容。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>GovShare Desktop was locked to protect shared data. Enter the password of {officer} to continue; everything you were doing is kept.</source>
        <translation>为保护共享数据，政务信息资源共享桌面端已锁定。请输入 {officer} 的密码以继续；您正在进行的工作都已保留。</translation>
    </message>
    <message>
        <source>the officer who signed in</source>
        <translation>已登录人员</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit GovShare Desktop</source>
        <translation>退出政务信息资源共享桌面端</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sign in to send and receive changes; they wait on this PC meanwhile.</source>
        <translation>需要登录才能收发更改；在此之前，更改都保存在本机。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>A sync is already running; it includes everything saved so far.</source>
        <translation>正在同步，已保存的所有更改都会包含在内。</translation>
    </message>
    <message>
        <source>Not undone: {step}. The platform has changed this resource since, so the step was removed from the undo history.</source>
        <translation>未撤销：{step}。此后平台已更新该资源，此步骤已从撤销记录中移除。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>GovShare Desktop</source>
        <translation>政务信息资源共享桌面端</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About GovShare Desktop</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out anyway?</source>
        <translation>仍要退出登录吗？</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The disk holding {path} is full. Free some space and try again; nothing was saved half-way.</source>
        <translation>{path} 所在磁盘已满。请释放部分空间后重试；不会有只保存一半的内容。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close other copies of GovShare Desktop and try again.</source>
        <translation>数据库 {path} 正被其他程序使用。请关闭其他正在运行的本程序后重试。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({reason}). Restore the latest backup from {backups} or contact IT support.</source>
        <translation>数据库 {path} 已损坏（{reason}）。请从 {backups} 恢复最近的备份，或联系信息技术支持人员。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of GovShare Desktop (schema {found}). This version knows schema {known} at most. Install the newer version; the data has not been changed.</source>
        <translation>数据库 {path} 由更新版本的本程序写入（结构版本 {found}），本版本最高只支持结构版本 {known}。请安装新版本；数据未被改动。</translation>
    </message>
    <message>
        <source>The database could not be upgraded ({reason}). It was left as it was, and a backup is at {backup}.</source>
        <translation>数据库升级失败（{reason}）。数据库保持原样，备份位于 {backup}。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written ({reason}). Check its permissions or choose another folder with --home.</source>
        <translation>无法写入数据目录 {path}（{reason}）。请检查其权限，或用 --home 指定其他目录。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read ({reason}).</source>
        <translation>无法读取文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>GovShare Desktop is already running with the data folder {path}. Switch to that window; only one copy may work on the same data.</source>
        <translation>本程序已在使用数据目录 {path} 运行。请切换到该窗口；同一份数据只能由一个程序实例处理。</translation>
    </message>
    <message>
        <source>The setting {key} is set by your administrator and cannot be changed here.</source>
        <translation>设置项 {key} 由管理员统一设定，不能在此修改。</translation>
    </message>
    <message>
        <source>The value for {key} is not valid: {reason}.</source>
        <translation>设置项 {key} 的值无效：{reason}。</translation>
    </message>
    <message>
        <source>The machine policy {source} cannot be read ({reason}); built-in defaults are used.</source>
        <translation>无法读取本机策略 {source}（{reason}），已使用内置默认值。</translation>
    </message>
    <message>
        <source>The catalog profile is not valid: {reason}.</source>
        <translation>目录规范无效：{reason}。</translation>
    </message>
    <message>
        <source>The catalog still has {errors} error(s). Fix them (see the problems list) before filing.</source>
        <translation>目录中还有 {errors} 个错误，请先修正（见问题列表）再报备。</translation>
    </message>
    <message>
        <source>Version {number} is already with the sharing authority. Wait for its decision before filing again.</source>
        <translation>第 {number} 版目录正在信息共享主管部门备案中，请等待其结果后再报备。</translation>
    </message>
    <message>
        <source>The catalog was filed before. Filing it again (after a reorganisation or a change of duties, Art. 11) needs a reason.</source>
        <translation>目录此前已备案。因机构改革或职责调整重新报备（第十一条）须填写原因。</translation>
    </message>
    <message>
        <source>Nothing has changed since the last version; there is nothing to file.</source>
        <translation>自上一版以来没有任何修改，无需报备。</translation>
    </message>
    <message>
        <source>The workbook {path} is damaged and cannot be read ({reason}). Open it in Excel or WPS, save it again and retry.</source>
        <translation>工作簿 {path} 已损坏，无法读取（{reason}）。请用 Excel 或 WPS 打开后重新保存，再试一次。</translation>
    </message>
    <message>
        <source>The workbook {path} is protected by a password. Remove the password in Excel or WPS (File → Info → Protect Workbook), save it and retry.</source>
        <translation>工作簿 {path} 设有密码保护。请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿），保存后再试。</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet that can be read here. Choose a file of one of these kinds: {kinds}.</source>
        <translation>{path} 不是可以读取的电子表格。请选择以下类型之一的文件：{kinds}。</translation>
    </message>
    <message>
        <source>The workbook {path} is too large to read safely ({reason}). Split it into smaller workbooks, or delete empty rows and columns below and right of the table.</source>
        <translation>工作簿 {path} 过大，无法安全读取（{reason}）。请拆分为较小的工作簿，或删除表格下方和右侧的空行空列。</translation>
    </message>
    <message>
        <source>No catalog table was found in {path}: none of its visible sheets has a header row with the columns {columns} within its first {rows} rows.</source>
        <translation>在 {path} 中未找到目录表：没有任何可见工作表在前 {rows} 行内有包含 {columns} 等列的表头行。</translation>
    </message>
    <message>
        <source>No row of {path} names the resource&apos;s data items ({columns}) within its first {rows} rows. The data file needs a header row with the data item names.</source>
        <translation>{path} 的前 {rows} 行中没有列出该资源信息项（{columns}）的行。数据文件需要一行以信息项名称作为表头。</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({reason}). Close it if Excel or WPS has it open, or choose another folder.</source>
        <translation>无法写入文件 {path}（{reason}）。如 Excel 或 WPS 正打开该文件，请先关闭，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>{resource}: the {field} has {length} characters; a workbook cell holds at most {max}. Nothing was exported: shorten it and export again.</source>
        <translation>{resource}：{field}有 {length} 个字符，而工作表的一个单元格最多容纳 {max} 个字符。未导出任何内容：请缩短后重新导出。</translation>
    </message>
    <message>
        <source>{resource}: the {field} contains {char}, which no workbook can hold. Nothing was exported: delete it and export again.</source>
        <translation>{resource}：{field}含有工作表无法保存的字符 {char}。未导出任何内容：请删除该字符后重新导出。</translation>
    </message>
    <message>
        <source>The import of {file} can no longer be undone: {names} may already have reached the platform since. Nothing was changed; correct those resources in the editor instead.</source>
        <translation>{file} 的导入已无法撤销：{names} 可能已同步到共享平台。未做任何改动；请在编辑器中修改这些信息资源。</translation>
    </message>
    <message>
        <source>The import of {file} was not undone: {names} was changed after the import, and undoing it would overwrite that change. Nothing was changed; take that change back first, or correct the resources in the editor.</source>
        <translation>未撤销 {file} 的导入：{names} 在导入后又被修改过，撤销导入会覆盖这些修改。未做任何改动；请先撤销那些修改，或在编辑器中直接修改这些信息资源。</translation>
    </message>
    <message>
        <source>This import can no longer be undone: it was undone already, or it is too old (only the latest imports are kept for undoing).</source>
        <translation>该次导入已无法撤销：它已被撤销，或时间过早（只保留最近几次导入以供撤销）。</translation>
    </message>
    <message>
        <source>No platform address is set. Enter it in Settings → Platform address (or pass --platform), then sign in.</source>
        <translation>尚未设置共享平台地址。请在“设置 → 共享平台地址”中填写（或使用 --platform 参数），然后登录。</translation>
    </message>
    <message>
        <source>The platform at {url} cannot be reached. You can keep working offline; changes are sent once the connection is back.</source>
        <translation>无法连接共享平台 {url}。您可以继续离线工作，连接恢复后更改会发送到平台。</translation>
    </message>
    <message>
        <source>Something other than the platform answered for {url}: most likely the sign-in page of the network or of a proxy. Open a web browser and sign in to the network, then try again. Until then you work offline.</source>
        <translation>代替共享平台 {url} 应答的不是共享平台，很可能是单位网络或代理服务器的登录页。请在浏览器中登录网络后重试；在此之前您处于离线工作状态。</translation>
    </message>
    <message>
        <source>The platform refused the request: {detail} (HTTP {status}, {problem}).</source>
        <translation>共享平台拒绝了该请求：{detail}（HTTP {status}，{problem}）。</translation>
    </message>
    <message>
        <source>The platform is busy and asks to wait. Try again after {until} (in {seconds} seconds); nothing was lost.</source>
        <translation>共享平台繁忙，要求稍候。请在 {until} 之后（{seconds} 秒后）重试；没有丢失任何内容。</translation>
    </message>
    <message>
        <source>The security certificate of {host} is not trusted ({reason}), so no connection was made. If your organisation uses its own certificate authority, ask IT to install it in Windows, or name its PEM file in Settings → Extra CA certificates.</source>
        <translation>{host} 的安全证书不受信任（{reason}），因此未建立连接。如果本单位使用自己的证书颁发机构，请让 IT 人员将其安装到 Windows 中，或在“设置 → 附加CA证书”中指定其 PEM 文件。</translation>
    </message>
    <message>
        <source>The proxy {proxy} asks for a sign-in (HTTP 407). Sign in to the proxy or ask IT which proxy to use (Settings → Proxy), then try again.</source>
        <translation>代理服务器 {proxy} 要求登录（HTTP 407）。请先登录代理服务器，或向 IT 人员询问应使用的代理（设置 → 代理服务器），然后重试。</translation>
    </message>
    <message>
        <source>The proxy auto-configuration file {url} cannot be used ({reason}). Ask IT to check it, or set the proxy by hand in Settings.</source>
        <translation>代理自动配置文件 {url} 无法使用（{reason}）。请让 IT 人员检查该文件，或在设置中手动指定代理服务器。</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait until {until} (in {seconds} seconds), then try again with the right password.</source>
        <translation>登录失败次数过多。请等到 {until}（{seconds} 秒后），再用正确的密码重试。</translation>
    </message>
    <message>
        <source>Your sign-in to the platform has ended. Sign in again (File → Sign in, or govshare login); changes waiting to be sent are kept.</source>
        <translation>您在共享平台的登录已失效。请重新登录（文件 → 登录，或 govshare login）；待发送的更改都会保留。</translation>
    </message>
    <message>
        <source>No system credential store is available ({reason}), so the sign-in cannot be kept safely and was not attempted. GovShare Desktop never keeps it in a file. You can keep working offline; ask IT support to enable the Windows Credential Manager (or the desktop keyring).</source>
        <translation>没有可用的系统凭据存储（{reason}），无法安全地保存登录凭据，因此未进行登录。本程序从不把凭据保存在文件中。您可以继续离线工作；请联系 IT 支持启用 Windows 凭据管理器（或桌面密钥环）。</translation>
    </message>
    <message>
        <source>The audit log can only be checked with its key, which is kept in the system credential store, and none is available here ({reason}). Run the check as the Windows user who uses GovShare Desktop on this PC, or ask IT support to enable the Windows Credential Manager (or the desktop keyring).</source>
        <translation>审计日志只能用其密钥核验，而密钥保存在系统凭据库中，此处没有可用的凭据库（{reason}）。请以在本机使用 GovShare Desktop 的 Windows 用户身份运行核验，或请 IT 支持人员启用 Windows 凭据管理器（或桌面密钥环）。</translation>
    </message>
    <message>
        <source>{count} audit event(s) are sealed with a key that this user&apos;s credential store does not hold (removed, or another Windows user&apos;s). They cannot be checked here; run the check as the user who uses GovShare Desktop on this PC.</source>
        <translation>有 {count} 条审计事件的签封密钥不在当前用户的凭据库中（已被删除，或属于另一个 Windows 用户），此处无法核验；请以在本机使用 GovShare Desktop 的用户身份运行核验。</translation>
    </message>
    <message>
        <source>This data folder holds the catalog of {unit} ({unit_code}). {officer} belongs to {other_unit} ({other_code}), and one data folder keeps one unit&apos;s catalog. Sign in with an account of {unit}, or use another data folder for {other_unit}.</source>
        <translation>此数据目录保存的是{unit}（{unit_code}）的目录。{officer} 属于{other_unit}（{other_code}），而一个数据目录只保存一个单位的目录。请使用{unit}的账号登录，或为{other_unit}另用一个数据目录。</translation>
    </message>
    <message>
        <source>{count} change(s) have not been sent to the platform yet. They stay on this PC, but nothing can be sent until someone of the unit signs in again.</source>
        <translation>{count} 项更改尚未发送到共享平台。这些更改仍保存在本机，但在本单位有人重新登录之前无法发送。</translation>
    </message>
    <message>
        <source>The platform answered the sync with something this version cannot use ({detail}). Nothing was lost: your changes wait on this PC. If it keeps happening, send the details to IT support; a newer version of GovShare Desktop may be needed.</source>
        <translation>共享平台对同步的答复本版本无法处理（{detail}）。没有丢失任何内容：您的更改仍保存在本机。如果反复出现，请把详细信息发给信息技术支持人员；可能需要更新 GovShare Desktop 的版本。</translation>
    </message>
    <message>
        <source>“{name}” is in the catalog of {unit}, which is not your unit&apos;s superior. A catalog is compiled from the superior unit&apos;s catalog (Art. 11 §3); nothing was derived.</source>
        <translation>“{name}”属于{unit}的目录，该单位不是本单位的上级单位。目录应依照上级单位的目录编制（第十一条）；未派生任何信息资源。</translation>
    </message>
    <message>
        <source>This request has not been brought to your unit yet, so you cannot “{action}” it.</source>
        <translation>此申请尚未送达本单位，不能执行“{action}”。</translation>
    </message>
    <message>
        <source>Only the {parties} of this request may “{action}”.</source>
        <translation>只有本申请的{parties}可以执行“{action}”。</translation>
    </message>
    <message>
        <source>The request is at “{state}”: “{action}” is not possible now.</source>
        <translation>申请当前状态为“{state}”，现在不能执行“{action}”。</translation>
    </message>
    <message>
        <source>The time for “{action}” ran out at the end of {due} (China Standard Time). The sharing authority may escalate the request for decision instead.</source>
        <translation>“{action}”的期限已于{due}（北京时间）当日届满。信息共享主管部门可改为报请决定。</translation>
    </message>
    <message>
        <source>The provider may explain in writing until the end of {due} (China Standard Time). Escalate after that day, or once the explanation is in.</source>
        <translation>提供方可在{due}（北京时间）当日结束前作出书面说明。期满后或收到书面说明后方可报请决定。</translation>
    </message>
    <message>
        <source>“{action}” needs a written text (the reasons or the result); it is empty.</source>
        <translation>“{action}”须填写书面理由或结果，当前为空。</translation>
    </message>
    <message>
        <source>The {field} of “{action}” has {length} characters; at most {max} are allowed.</source>
        <translation>“{action}”的{field}共{length}个字符，最多允许{max}个。</translation>
    </message>
    <message>
        <source>The {field} of “{action}” contains the control character {char}, which the platform does not accept. Delete it and try again.</source>
        <translation>“{action}”的{field}含有平台不接受的控制字符{char}。请删除后重试。</translation>
    </message>
    <message>
        <source>“{action}” needs its result: share, or do not share.</source>
        <translation>“{action}”须选择结果：共享或不予共享。</translation>
    </message>
    <message>
        <source>“{action}” needs the secrecy bureau&apos;s determination: a state secret, or not.</source>
        <translation>“{action}”须填写保密行政管理部门的认定结果：属于或不属于国家秘密。</translation>
    </message>
    <message>
        <source>“{action}” takes no {field}.</source>
        <translation>“{action}”无需填写{field}。</translation>
    </message>
    <message>
        <source>Terms of use go only with a decision to share; remove them or decide to share.</source>
        <translation>只有决定共享时才能设定授权条件；请删除授权条件，或改为决定共享。</translation>
    </message>
    <message>
        <source>A grant names from 1 to {max} data items, each of 1 to {length} characters.</source>
        <translation>授权须列明 1 至 {max} 个信息项，每项名称 1 至 {length} 个字符。</translation>
    </message>
    <message>
        <source>The grant&apos;s period (from {valid_from} to {valid_to}) is not valid: it must not end before it starts, and its dates lie between 2000 and 2999.</source>
        <translation>授权期限（{valid_from} 至 {valid_to}）无效：结束日期不得早于开始日期，且日期须在 2000 年至 2999 年之间。</translation>
    </message>
    <message>
        <source>The share request {id} is no longer a draft ({state}): its content can no longer change. Withdraw it and draft a new one instead.</source>
        <translation>共享申请 {id} 已不是草稿（{state}），内容不能再修改。如需修改，请撤回后重新起草。</translation>
    </message>
    <message>
        <source>“{action}” cannot be taken on the share request {id} now (state: {state}). Possible now: {allowed}.</source>
        <translation>共享申请 {id} 当前（状态：{state}）不能进行“{action}”。当前可进行：{allowed}。</translation>
    </message>
    <message>
        <source>Change {seq} is not a share-request step refused by the platform; only those can be discarded.</source>
        <translation>第 {seq} 项修改不是被平台拒绝的共享申请操作；只有这类修改可以放弃。</translation>
    </message>
    <message>
        <source>“{name}” is not a PDF file. Attach the negotiation record as a PDF (save or scan it as PDF first).</source>
        <translation>“{name}”不是 PDF 文件。请以 PDF 格式添加协商记录（可先另存或扫描为 PDF）。</translation>
    </message>
    <message>
        <source>“{name}” is {size_mb} MB; an attachment may have at most {max_mb} MB. Scan it at a lower resolution or split it into several files.</source>
        <translation>“{name}”大小为 {size_mb} MB，附件最大 {max_mb} MB。请降低扫描分辨率，或拆分为多个文件。</translation>
    </message>
    <message>
        <source>The file {path} could not be read ({reason}). Check that it exists and that you may open it, then try again.</source>
        <translation>无法读取文件 {path}（{reason}）。请确认文件存在且有权打开，然后重试。</translation>
    </message>
    <message>
        <source>The attachments of share request {id} can change only while it is a draft that has not been submitted.</source>
        <translation>共享申请 {id} 的附件只能在尚未提交的草稿状态下修改。</translation>
    </message>
    <message>
        <source>The attachment “{name}” is not on this PC yet and could not be fetched from the platform ({reason}). Try again when the platform is reachable.</source>
        <translation>附件“{name}”尚未下载到本机，且无法从共享平台获取（{reason}）。请在能连接平台时重试。</translation>
    </message>
    <message>
        <source>The attachment “{name}” arrived damaged (its checksum does not match). Try again; nothing was kept.</source>
        <translation>附件“{name}”下载后已损坏（校验值不符），未予保存。请重试。</translation>
    </message>
    <message>
        <source>The attachment could not be written to {path} ({reason}). Choose another folder.</source>
        <translation>无法将附件写入 {path}（{reason}）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The period of use ends on {until}, before it begins ({since}). Correct the dates; nothing was saved.</source>
        <translation>使用期限的截止日期 {until} 早于起始日期 {since}。请更正日期；未保存任何内容。</translation>
    </message>
    <message>
        <source>The grant {grant} is not one your unit holds here. Object only to data your unit was granted; sync first if the grant is new.</source>
        <translation>本机没有本单位持有的授权 {grant}。只能对本单位获得授权的数据提出异议；如为新授权，请先同步。</translation>
    </message>
    <message>
        <source>The data item “{item}” is not granted by this grant (granted: {granted}).</source>
        <translation>该授权不含信息项“{item}”（已授权：{granted}）。</translation>
    </message>
    <message>
        <source>“{aspect}” is not an aspect of an objection: accuracy, completeness or timeliness.</source>
        <translation>“{aspect}”不是异议类型：应为准确性、完整性或时效性。</translation>
    </message>
    <message>
        <source>“{outcome}” is not an answer to an objection: accepted, corrected or rejected.</source>
        <translation>“{outcome}”不是异议的答复结果：应为已采纳、已更正或不予采纳。</translation>
    </message>
    <message>
        <source>The text of the objection or of its answer is empty; write it and try again.</source>
        <translation>异议或答复的内容为空，请填写后再试。</translation>
    </message>
    <message>
        <source>The text has {length} characters; at most {max} are allowed.</source>
        <translation>内容有 {length} 个字符，最多允许 {max} 个。</translation>
    </message>
    <message>
        <source>The objection {id} cannot be answered here now: only the provider&apos;s officers answer it, once, while it waits for an answer.</source>
        <translation>现在不能在此答复异议 {id}：只有提供方的工作人员可以答复，且只能在异议待答复时答复一次。</translation>
    </message>
    <message>
        <source>Raising an objection needs the platform role “{role}”, which your account does not have. Ask your unit&apos;s platform administrator.</source>
        <translation>提出异议需要共享平台角色“{role}”，您的账号没有该角色。请联系本单位的平台管理员。</translation>
    </message>
    <message>
        <source>Change {seq} is not an objection refused by the platform; only those can be discarded.</source>
        <translation>变更 {seq} 不是被平台拒绝的异议操作；只有这类操作可以放弃。</translation>
    </message>
    <message>
        <source>Change {seq} is not a notice&apos;s reading refused by the platform; only those can be discarded.</source>
        <translation>变更 {seq} 不是被平台拒绝的通报已读操作；只有这类操作可以放弃。</translation>
    </message>
    <message>
        <source>The grant {grant} is not one your unit holds here. Sync first if it is new.</source>
        <translation>授权 {grant} 不是本单位在本机持有的授权。如是新授权，请先同步。</translation>
    </message>
    <message>
        <source>The grant {grant} was revoked on {at}: {reason} Its rows may no longer be viewed, and any copy kept on this PC was deleted.</source>
        <translation>授权 {grant} 已于 {at} 撤销：{reason} 其数据不能再查看，本机保存的副本已删除。</translation>
    </message>
    <message>
        <source>The grant {grant} is valid from {since} to {until}; its rows may not be viewed today, and any copy kept on this PC was deleted.</source>
        <translation>授权 {grant} 的有效期为 {since} 至 {until}，今天不能查看其数据，本机保存的副本已删除。</translation>
    </message>
    <message>
        <source>The rows of this grant are not kept on this PC. Connect to the platform to view them, or download them for offline use where the grant allows it.</source>
        <translation>本机没有保存该授权的数据。请连接共享平台查看；授权允许的，可离线保存到本机。</translation>
    </message>
    <message>
        <source>The grant {grant} does not allow keeping its rows on this PC; view them online.</source>
        <translation>授权 {grant} 不允许在本机保存数据，请联网查看。</translation>
    </message>
    <message>
        <source>The offline copy of this grant&apos;s rows cannot be read ({reason}); it was deleted. Download it again while online.</source>
        <translation>该授权的离线副本无法读取（{reason}），已删除。请联网后重新离线保存。</translation>
    </message>
    <message>
        <source>The offline copy of this grant reached the size limit of {limit} MB with {rows} rows; the download stopped there. Ask your IT staff to raise the limit.</source>
        <translation>该授权的离线副本已达到 {limit} MB 的上限（已保存 {rows} 行），下载已停止。如需更多，请联系信息技术人员调高上限。</translation>
    </message>
    <message>
        <source>The platform last confirmed this grant on {at}, more than {days} days ago; its offline rows are hidden until a sync confirms the grant again.</source>
        <translation>共享平台最近一次确认该授权是在 {at}，已超过 {days} 天；在同步重新确认授权之前，离线数据不予显示。</translation>
    </message>
    <message>
        <source>The grant {grant} does not allow exporting its rows (Art. 15); nothing was written.</source>
        <translation>授权 {grant} 不允许导出数据（第十五条），未写出任何文件。</translation>
    </message>
    <message>
        <source>The column “{column}” is not one of the data items this grant allows.</source>
        <translation>“{column}”不是本授权允许的信息项。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何修改。</translation>
    </message>
    <message>
        <source>{what} was not found.</source>
        <translation>未找到{what}。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed values.</source>
        <translation>“{value}”不是允许的取值。</translation>
    </message>
    <message>
        <source>Too long: {length} characters, at most {max} allowed.</source>
        <translation>内容过长：{length} 个字符，最多允许 {max} 个。</translation>
    </message>
    <message>
        <source>The classification level {level} is not in the expected form.</source>
        <translation>分类“{level}”的格式不正确。</translation>
    </message>
    <message>
        <source>The resource code must be the classification code {expected_prefix}, “/”, and a sequence number.</source>
        <translation>信息资源代码应为分类代码 {expected_prefix}、“/”和顺序码。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid 18-character unified social credit code (check character wrong or invalid characters).</source>
        <translation>“{value}”不是有效的18位统一社会信用代码（校验码错误或含有无效字符）。</translation>
    </message>
    <message>
        <source>Conditional sharing needs its share conditions.</source>
        <translation>有条件共享须填写共享条件。</translation>
    </message>
    <message>
        <source>A resource that is not shared needs its legal basis: name the law, administrative regulation or policy in the share conditions (or in the legal basis field).</source>
        <translation>不予共享的信息资源须注明依据：在“共享条件”中写明不予共享的法律、行政法规或政策依据（也可写在“不予共享依据”中）。</translation>
    </message>
    <message>
        <source>A resource open to society should state its open conditions.</source>
        <translation>向社会开放的信息资源应填写开放条件。</translation>
    </message>
    <message>
        <source>The data item name “{name}” appears more than once in this resource.</source>
        <translation>信息项名称“{name}”在本信息资源中重复出现。</translation>
    </message>
    <message>
        <source>The resource has no data items yet.</source>
        <translation>该信息资源尚无信息项。</translation>
    </message>
    <message>
        <source>The length {value} must be a positive whole number.</source>
        <translation>长度 {value} 必须为正整数。</translation>
    </message>
    <message>
        <source>The resource code {value} is used by another resource of this unit.</source>
        <translation>信息资源代码 {value} 已被本单位的其他信息资源使用。</translation>
    </message>
    <message>
        <source>Contains the invisible control character {char}, which cannot be shown or printed. Delete it (line breaks and tabs are allowed only in multi-line fields).</source>
        <translation>含有不可见的控制字符 {char}，无法显示或打印，请删除（换行符和制表符只能用于可填写多行的项目）。</translation>
    </message>
    <message>
        <source>The required column “{label}” is missing from this sheet.</source>
        <translation>本工作表缺少必填列“{label}”。</translation>
    </message>
    <message>
        <source>The column “{label}” is not part of the catalog template and was ignored.</source>
        <translation>列“{label}”不属于目录模板，已忽略。</translation>
    </message>
    <message>
        <source>“{value}” is not a date. Write it like 2025-06-01 or 2025年6月1日.</source>
        <translation>“{value}”不是日期。请写成 2025-06-01 或 2025年6月1日。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>“{value}” is not 是/否 (or Y/N).</source>
        <translation>“{value}”不是“是/否”（或 Y/N）。</translation>
    </message>
    <message>
        <source>Excel stored this code as the number {value}; it was read as “{code}”. Format the column as text to keep leading zeros.</source>
        <translation>Excel 将此代码存成了数字 {value}，已按“{code}”读取。请把该列设为文本格式，以保留前导零。</translation>
    </message>
    <message>
        <source>Excel stored this code as the number {value} and lost some of its digits. Format the column as text and type the code again.</source>
        <translation>Excel 将此代码存成了数字 {value}，部分数位已丢失。请把该列设为文本格式后重新输入代码。</translation>
    </message>
    <message>
        <source>No resource on the resources sheet has the code “{value}”.</source>
        <translation>信息资源工作表中没有代码为“{value}”的资源。</translation>
    </message>
    <message>
        <source>The code {value} belongs to an entry of another unit&apos;s catalog held read-only here; give this resource a code of its own.</source>
        <translation>代码 {value} 属于本机只读保存的其他单位目录条目；请为该资源另编代码。</translation>
    </message>
    <message>
        <source>The code {value} is already used by “{name}” in this catalog: importing this row (“{new_name}”) would overwrite that resource. Give the row a code of its own, or import with --update-existing to update “{name}” on purpose.</source>
        <translation>代码 {value} 已被本目录中的“{name}”使用：导入此行（“{new_name}”）将覆盖该资源。请为此行另编代码；如确需更新“{name}”，请加 --update-existing 导入。</translation>
    </message>
    <message>
        <source>The data item “{label}” of the resource has no column in this file.</source>
        <translation>文件中没有该资源信息项“{label}”对应的列。</translation>
    </message>
    <message>
        <source>“{value}” is not a value of the data type {type}.</source>
        <translation>“{value}”不符合数据类型{type}。</translation>
    </message>
    <message>
        <source>Too long: {length} characters, the data item allows {max}.</source>
        <translation>过长：{length} 个字符，该信息项最多允许 {max} 个。</translation>
    </message>
    <message>
        <source>This data item needs a value.</source>
        <translation>该信息项必须填写。</translation>
    </message>
    <message>
        <source>Too many digits: {digits}, the data item allows {max}.</source>
        <translation>位数过多：{digits} 位，该信息项最多允许 {max} 位。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your saved work is safe; details are in the log file.</source>
        <translation>发生意外错误。您已保存的内容是安全的；详细信息见日志文件。</translation>
    </message>
    <message>
        <source>Concrete format</source>
        <translation>具体格式</translation>
    </message>
    <message>
        <source>One-data-one-source note</source>
        <translation>一数一源说明</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>是否涉密</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>顺序号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>派生自</translation>
    </message>
    <message>
        <source>Revision of the source</source>
        <translation>来源条目版本</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>With the provider</source>
        <translation>待提供方答复</translation>
    </message>
    <message>
        <source>Agreed by the provider</source>
        <translation>提供方已同意</translation>
    </message>
    <message>
        <source>Declined by the provider</source>
        <translation>提供方不同意</translation>
    </message>
    <message>
        <source>Filed with the authority</source>
        <translation>已报请备案</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>Applied to the authority</source>
        <translation>已申请协调</translation>
    </message>
    <message>
        <source>Awaiting the provider&apos;s explanation</source>
        <translation>待提供方书面说明</translation>
    </message>
    <message>
        <source>Explained; in coordination</source>
        <translation>已书面说明，协调中</translation>
    </message>
    <message>
        <source>Escalated for decision</source>
        <translation>已报请决定</translation>
    </message>
    <message>
        <source>Decided: share</source>
        <translation>决定共享</translation>
    </message>
    <message>
        <source>Decided: do not share</source>
        <translation>决定不予共享</translation>
    </message>
    <message>
        <source>Secrecy in dispute</source>
        <translation>涉密争议</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Submit to the provider</source>
        <translation>提交提供方</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>File with the authority</source>
        <translation>报请备案</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Apply to the authority</source>
        <translation>申请主管部门协调</translation>
    </message>
    <message>
        <source>Request a written explanation</source>
        <translation>要求书面说明</translation>
    </message>
    <message>
        <source>Explain in writing</source>
        <translation>书面说明</translation>
    </message>
    <message>
        <source>Record the coordination result</source>
        <translation>记录协调结果</translation>
    </message>
    <message>
        <source>Escalate for decision</source>
        <translation>报请决定</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>记录决定</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Raise a secrecy dispute</source>
        <translation>提出涉密争议</translation>
    </message>
    <message>
        <source>Record the secrecy determination</source>
        <translation>记录保密认定</translation>
    </message>
    <message>
        <source>requester</source>
        <translation>申请方</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>sharing authority</source>
        <translation>信息共享主管部门</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Do not share</source>
        <translation>不予共享</translation>
    </message>
    <message>
        <source>A state secret</source>
        <translation>属于国家秘密</translation>
    </message>
    <message>
        <source>Not a state secret</source>
        <translation>不属于国家秘密</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字内容</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>terms of use</source>
        <translation>授权条件</translation>
    </message>
    <message>
        <source>secrecy determination</source>
        <translation>保密认定</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>起草</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Answer objection</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>时效性</translation>
    </message>
    <message>
        <source>Not yet on the platform</source>
        <translation>尚未到达平台</translation>
    </message>
    <message>
        <source>Awaiting the provider&apos;s answer</source>
        <translation>待提供方答复</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予采纳</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Mark all as read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>涉及：</translation>
    </message>
    <message>
        <source>No notices</source>
        <translation>暂无通报</translation>
    </message>
    <message>
        <source>Notices (通报) are what the platform&apos;s operator or the sharing authority reports to your unit about its data sharing and the problems found (Art. 17, 21). They arrive with each sync with the platform.</source>
        <translation>通报是共享平台运行维护管理单位或信息共享主管部门就本单位的信息共享情况及发现的问题向本单位发出的通知（第十七条、第二十一条）。通报随每次与共享平台同步送达。</translation>
    </message>
    <message>
        <source>Share request %1</source>
        <translation>共享申请 %1</translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation>授权 %1</translation>
    </message>
    <message>
        <source>Objection %1</source>
        <translation>异议 %1</translation>
    </message>
    <message>
        <source>Resource %1</source>
        <translation>信息资源 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>All read</source>
        <translation>全部已读</translation>
    </message>
    <message>
        <source>Issued by %1 on %2</source>
        <translation>%1 于 %2 发布</translation>
    </message>
    <message>
        <source>Read by %1 on %2</source>
        <translation>%1 于 %2 已读</translation>
    </message>
    <message>
        <source>(the platform learns it at the next sync)</source>
        <translation>（下次同步时告知平台）</translation>
    </message>
</context>
<context>
    <name>ObjectionDetail</name>
    <message>
        <source>Resource</source>
        <translation>信息资源</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出方</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rows or fields concerned</source>
        <translation>涉及的行或字段</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>答复(&amp;A)…</translation>
    </message>
    <message>
        <source>Answer the objection as the provider: accepted, corrected or not accepted.</source>
        <translation>以提供方身份答复异议：已采纳、已更正或不予采纳。</translation>
    </message>
    <message>
        <source>Waiting on this PC</source>
        <translation>本机待发送</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>提出异议：%1</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>答复：%1</translation>
    </message>
    <message>
        <source>Answer (%1)</source>
        <translation>答复（%1）</translation>
    </message>
    <message>
        <source>Raise the objection</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Discard this operation</source>
        <translation>放弃此操作</translation>
    </message>
    <message>
        <source>It is not sent again; the objection stays as the platform holds it.</source>
        <translation>该操作不再发送；异议以平台上的状态为准。</translation>
    </message>
</context>
<context>
    <name>ObjectionWords</name>
    <message>
        <source>The whole resource</source>
        <translation>整个资源</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>信息资源</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近变化</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>ObjectionsPanel</name>
    <message>
        <source>Raised by us</source>
        <translation>我提出的</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>待我答复</translation>
    </message>
    <message>
        <source>&amp;Raise objection…</source>
        <translation>提出异议(&amp;R)…</translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <source>Choose an objection to see what it doubts, the answer and its history.</source>
        <translation>选择一件异议，查看其内容、答复和办理记录。</translation>
    </message>
    <message>
        <source>Sign in first (File → Sign in…).</source>
        <translation>请先登录（文件 → 登录…）。</translation>
    </message>
    <message>
        <source>Your unit holds no grant yet. Grants arrive with the sync once a share request of your unit is granted.</source>
        <translation>本单位尚未获得授权。本单位的共享申请获得授权后，授权会随同步到达。</translation>
    </message>
    <message>
        <source>Object to the accuracy, completeness or timeliness of granted data.</source>
        <translation>对获得的数据的准确性、完整性或时效性提出异议。</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <source>Objections are your unit&apos;s: sign in to the platform (File → Sign in…) once, then raise and answer them here, also offline.</source>
        <translation>异议属于本单位：请先登录共享平台一次（文件 → 登录…），之后即可在此提出和答复异议，离线也可以。</translation>
    </message>
    <message>
        <source>No grant to object to yet</source>
        <translation>尚无可提出异议的授权</translation>
    </message>
    <message>
        <source>An objection concerns data your unit was granted. Grants arrive with the sync once a share request of your unit is granted; then raise an objection here if the data is inaccurate, incomplete or out of date.</source>
        <translation>异议针对本单位经授权获得的数据。本单位的共享申请获得授权后，授权会随同步到达；届时如发现数据不准确、不完整或不及时，可在此提出异议。</translation>
    </message>
    <message>
        <source>You have not raised any objection</source>
        <translation>您尚未提出异议</translation>
    </message>
    <message>
        <source>If granted data is inaccurate, incomplete or out of date, raise an objection: the provider is told and answers (Art. 16).</source>
        <translation>获得的数据如有不准确、不完整或不及时之处，请提出异议：提供方会收到并答复（第十六条）。</translation>
    </message>
    <message>
        <source>No objection to answer</source>
        <translation>没有待答复的异议</translation>
    </message>
    <message>
        <source>Objections other units raise about your unit&apos;s data arrive with the next sync; answer them here.</source>
        <translation>其他单位对本单位数据提出的异议会随下次同步到达，请在此答复。</translation>
    </message>
</context>
<context>
    <name>OneSourceDialog</name>
    <message>
        <source>One data, one source (一数一源)</source>
        <translation>一数一源检查</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>信息资源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Looking for overlaps…</source>
        <translation>正在查找重复提供的数据…</translation>
    </message>
    <message>
        <source>The same data should come from one provider (Art. 11). Open a resource to change it, or explain the overlap in its one-data-one-source note.</source>
        <translation>同一数据应由一个提供方提供（第十一条）。请打开信息资源进行修改，或在其“一数一源说明”中说明重复的原因。</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Resource name</source>
        <translation>信息资源名称</translation>
    </message>
    <message>
        <source>justified</source>
        <translation>已说明</translation>
    </message>
    <message>
        <source>to resolve</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>note given</source>
        <translation>已填写说明</translation>
    </message>
    <message>
        <source>No overlaps found</source>
        <translation>没有发现重复提供的数据</translation>
    </message>
    <message>
        <source>No data is offered by more than one provider among the catalogs on this PC: no two providers list a resource of the same name, nor a data item of the same name and type. Check again after importing or deriving more catalogs.</source>
        <translation>本机各目录中没有同一数据由多个提供方提供的情况：没有两个提供方登记了同名的信息资源，也没有同名同类型的信息项。导入或派生更多目录后可再次检查。</translation>
    </message>
    <message>
        <source>{n} overlap(s), {open} still to resolve or justify.</source>
        <translation>共 {n} 处重复，其中 {open} 处尚待处理或说明。</translation>
    </message>
    <message>
        <source>The overlaps could not be read</source>
        <translation>未能读取重复提供的情况</translation>
    </message>
    <message>
        <source>See the reason above.</source>
        <translation>原因见上方说明。</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>What needs doing today, then your unit&apos;s sharing at a glance: the catalog, requests, grants, objections and sync (Art. 17). Click an item or a figure to open it.</source>
        <translation>先看今天要办的事，再看本单位共享工作的全貌：目录、共享申请、授权、异议和同步（第十七条）。点击一项待办或一个数字即可打开。</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据概况</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>月报（PDF）…</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Share requests</source>
        <translation>共享申请</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Resources:</source>
        <translation>资源数：</translation>
    </message>
    <message>
        <source>Data items:</source>
        <translation>信息项数：</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Filing:</source>
        <translation>备案：</translation>
    </message>
    <message>
        <source>Waiting for your step:</source>
        <translation>待我办理：</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>已逾期：</translation>
    </message>
    <message>
        <source>Made to your unit:</source>
        <translation>向本单位申请：</translation>
    </message>
    <message>
        <source>Made by your unit:</source>
        <translation>本单位发出：</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>持有：</translation>
    </message>
    <message>
        <source>In force:</source>
        <translation>有效：</translation>
    </message>
    <message>
        <source>Ending within 30 days:</source>
        <translation>30 天内到期：</translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation>已过期：</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>已撤销：</translation>
    </message>
    <message>
        <source>To answer:</source>
        <translation>待答复：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>收到：</translation>
    </message>
    <message>
        <source>Raised:</source>
        <translation>提出：</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>已答复：</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>待发送：</translation>
    </message>
    <message>
        <source>Refused or blocked:</source>
        <translation>被拒绝或受阻：</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>冲突：</translation>
    </message>
    <message>
        <source>Failed syncs (30 days):</source>
        <translation>近 30 天同步失败：</translation>
    </message>
    <message>
        <source>Share requests by state</source>
        <translation>共享申请（按状态）</translation>
    </message>
    <message>
        <source>Grants held</source>
        <translation>持有的授权</translation>
    </message>
    <message>
        <source>Sign in to see your unit&apos;s to-dos</source>
        <translation>登录后查看本单位的待办</translation>
    </message>
    <message>
        <source>Requests, grants and objections are your unit&apos;s: sign in to the platform (File → Sign in…) once; the catalog&apos;s figures are shown meanwhile.</source>
        <translation>共享申请、授权和异议属于本单位：请先登录共享平台（文件 → 登录…）一次；在此之前只显示目录的数据。</translation>
    </message>
    <message>
        <source>Nothing waits for you</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <source>Requests to answer, objections, conflicts and refused changes appear here after each sync; nothing needs your step now.</source>
        <translation>待答复的申请、异议、同步冲突和被拒绝的更改会在每次同步后列在这里；目前没有需要您办理的事项。</translation>
    </message>
    <message>
        <source>Share request %1 waits for your step</source>
        <translation>共享申请 %1 待您办理</translation>
    </message>
    <message>
        <source>Answer the objection about %1</source>
        <translation>答复关于 %1 的异议</translation>
    </message>
    <message>
        <source>Resolve the sync conflict on %1</source>
        <translation>处理 %1 的同步冲突</translation>
    </message>
    <message>
        <source>The platform refused a change to %1</source>
        <translation>平台拒绝了对 %1 的更改</translation>
    </message>
    <message>
        <source>Catalog version %1 was returned for changes</source>
        <translation>目录第 %1 版被退回修改</translation>
    </message>
    <message>
        <source>The grant of %1 ends soon</source>
        <translation>%1 的授权即将到期</translation>
    </message>
    <message>
        <source>Read the notice: %1</source>
        <translation>阅读通报：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>never filed</source>
        <translation>尚未备案</translation>
    </message>
    <message>
        <source>version %1 being compiled</source>
        <translation>第 %1 版编制中</translation>
    </message>
    <message>
        <source>version %1 submitted</source>
        <translation>第 %1 版报备中</translation>
    </message>
    <message>
        <source>version %1 filed</source>
        <translation>第 %1 版已备案</translation>
    </message>
    <message>
        <source>version %1 returned for changes</source>
        <translation>第 %1 版退回修改</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Made to your unit</source>
        <translation>向本单位申请</translation>
    </message>
    <message>
        <source>Made by your unit</source>
        <translation>本单位发出</translation>
    </message>
    <message>
        <source>In force beyond 30 days</source>
        <translation>有效（30 天以上）</translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>OverviewReport</name>
    <message>
        <source>Government information sharing: monthly report</source>
        <translation>政务信息资源共享月报</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <source>Nothing waits for the unit.</source>
        <translation>本单位暂无待办。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Data item {n}</source>
        <translation>信息项 {n}</translation>
    </message>
    <message>
        <source>Problems: {errors} error(s), {warnings} warning(s)</source>
        <translation>问题：{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message numerus="yes">
        <source>; %n field(s) of a new resource still to fill in</source>
        <translation>
            <numerusform>；新建的信息资源还有 %n 项待填写</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>信息资源</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise an objection</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>{code} {name} — provider {provider}</source>
        <translation>{code} {name} — 提供方 {provider}</translation>
    </message>
    <message>
        <source>Name the rows or fields concerned and what is wrong, e.g. rows 12 and 37: the name has a wrong character.</source>
        <translation>请写明涉及的行或字段及问题，例如：第12、37行“姓名”有错别字。</translation>
    </message>
    <message>
        <source>Granted resource</source>
        <translation>授权资源</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>异议说明</translation>
    </message>
    <message>
        <source>Tell the provider about doubts on the accuracy, completeness or timeliness of data your unit was granted (Art. 16). The objection is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation>对本单位获得的共享数据的准确性、完整性或时效性有疑义的，告知提供方（第十六条）。异议先保存在本机，下次同步时送达平台，当前离线也可以提出。</translation>
    </message>
    <message>
        <source>Raise objection</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>(the whole resource)</source>
        <translation>（整个资源）</translation>
    </message>
    <message>
        <source>Granted data items: {items}</source>
        <translation>授权信息项：{items}</translation>
    </message>
    <message>
        <source>Choose the grant whose data you doubt.</source>
        <translation>请选择有疑义的数据所属的授权。</translation>
    </message>
    <message>
        <source>Choose what you doubt: accuracy, completeness or timeliness.</source>
        <translation>请选择异议类型：准确性、完整性或时效性。</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Resource</source>
        <translation>信息资源</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请方</translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Duty served</source>
        <translation>履行职责需要</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Edit the draft…</source>
        <translation>编辑草稿(&amp;E)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Preview the request as the official form, then print it or save it as PDF.</source>
        <translation>以正式申请表格式预览本申请，然后打印或另存为 PDF。</translation>
    </message>
    <message>
        <source>Steps waiting to be sent</source>
        <translation>等待发送的操作</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation>由提供方确定</translation>
    </message>
    <message>
        <source>Discard this step</source>
        <translation>放弃此操作</translation>
    </message>
</context>
<context>
    <name>RequestPrint</name>
    <message>
        <source>Platform: database</source>
        <translation>共享平台/数据库</translation>
    </message>
    <message>
        <source>Platform: interface</source>
        <translation>共享平台/接口</translation>
    </message>
    <message>
        <source>Platform: file</source>
        <translation>共享平台/文件</translation>
    </message>
    <message>
        <source>Mail or media</source>
        <translation>邮件或介质</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start}至{end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>自{start}起</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>至{end}止</translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation>由提供单位确定</translation>
    </message>
    <message>
        <source>Request no. {id}</source>
        <translation>申请编号：{id}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>{count} step(s) taken on this PC have not reached the platform yet and are not listed.</source>
        <translation>另有 {count} 项在本机办理的操作尚未送达共享平台，未列入本表。</translation>
    </message>
    <message>
        <source>Printed by {name} at {time}</source>
        <translation>打印人：{name}&#x3000;&#x3000;打印时间：{time}</translation>
    </message>
    <message>
        <source>Opinions and seals</source>
        <translation>意见及签章</translation>
    </message>
    <message>
        <source>Government Information Resource Sharing Request</source>
        <translation>政务信息资源共享申请表</translation>
    </message>
    <message>
        <source>Requesting unit</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <source>Providing unit</source>
        <translation>提供单位</translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation>共享主管部门</translation>
    </message>
    <message>
        <source>Resource code</source>
        <translation>信息资源代码</translation>
    </message>
    <message>
        <source>Data items required</source>
        <translation>所需信息项</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Purpose (duties it serves)</source>
        <translation>履行职责需要/用途</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <source>Contact and telephone</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Written explanation due</source>
        <translation>书面说明期限</translation>
    </message>
    <message>
        <source>Coordination due</source>
        <translation>协调办结期限</translation>
    </message>
    <message>
        <source>No steps recorded yet.</source>
        <translation>暂无办理记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Unit / officer</source>
        <translation>单位/经办人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Signature of the person in charge:</source>
        <translation>负责人签字：</translation>
    </message>
    <message>
        <source>Date:      year      month      day</source>
        <translation>日期：&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日</translation>
    </message>
    <message>
        <source>Requesting unit (seal)</source>
        <translation>申请单位（盖章）</translation>
    </message>
    <message>
        <source>Opinion of the providing unit (seal)</source>
        <translation>提供单位意见（盖章）</translation>
    </message>
    <message>
        <source>Opinion of the sharing authority (seal)</source>
        <translation>共享主管部门意见（盖章）</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页 共 {count} 页</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>share-request.pdf</source>
        <translation>共享申请表.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ResourceForm</name>
    <message>
        <source>Select a resource on the left, or create one.</source>
        <translation>请在左侧选择一条信息资源，或新建一条。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix in this resource.</source>
        <translation>
            <numerusform>该信息资源有 %n 个问题需要修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Fill in the fields marked *.</source>
        <translation>请填写带 * 的字段。</translation>
    </message>
    <message>
        <source>Check what is still missing</source>
        <translation>检查还缺什么</translation>
    </message>
    <message>
        <source>Write a date as 2025-06-01 (or 2025年6月1日).</source>
        <translation>日期请写作 2025-06-01（或 2025年6月1日）。</translation>
    </message>
    <message>
        <source>Classification (类/项/目/细目)</source>
        <translation>信息资源分类（类/项/目/细目）</translation>
    </message>
    <message>
        <source>Concrete format</source>
        <translation>具体格式</translation>
    </message>
    <message>
        <source>Secret (涉密, never leaves this PC)</source>
        <translation>涉密（仅保存在本机，不上传）</translation>
    </message>
    <message>
        <source>One-data-one-source note (一数一源说明)</source>
        <translation>一数一源说明</translation>
    </message>
    <message>
        <source>No resource selected</source>
        <translation>未选择信息资源</translation>
    </message>
    <message>
        <source>Conditional sharing: the conditions of use. Not shared: the law, administrative regulation or policy that rules sharing out.</source>
        <translation>有条件共享：填写共享条件和使用要求。不予共享：注明不予共享的法律、行政法规或政策依据。</translation>
    </message>
    <message>
        <source>Optional: as the national guide has it, the legal basis for not sharing may stand in the share conditions instead.</source>
        <translation>可不填：按编制指南，不予共享的依据写在“共享条件”中即可。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Platform address</source>
        <translation>共享平台地址</translation>
    </message>
    <message>
        <source>Address of the provincial sharing platform, e.g. https://platform.example.gov</source>
        <translation>省级共享平台的地址，例如 https://platform.example.gov</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理服务器</translation>
    </message>
    <message>
        <source>Empty: use the system proxy. Otherwise e.g. http://proxy.example.gov:8080</source>
        <translation>留空则使用系统代理；否则填写如 http://proxy.example.gov:8080</translation>
    </message>
    <message>
        <source>Proxy auto-configuration (PAC)</source>
        <translation>代理自动配置（PAC）</translation>
    </message>
    <message>
        <source>Address of the PAC file your network publishes, e.g. http://proxy.example.gov/proxy.pac. When set, it chooses the proxy and the Proxy setting is not used. Empty: the Proxy setting, else the system&apos;s.</source>
        <translation>本单位网络发布的 PAC 文件地址，例如 http://proxy.example.gov/proxy.pac。设置后由它选择代理，不再使用“代理服务器”设置。留空：使用“代理服务器”设置，未设置时使用系统代理。</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>附加CA证书</translation>
    </message>
    <message>
        <source>Empty: trust the system certificate store. Otherwise a PEM file of your organisation&apos;s certificate authorities.</source>
        <translation>留空则信任系统证书库；否则选择本单位证书颁发机构的PEM文件。</translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation>自动同步间隔（分钟）</translation>
    </message>
    <message>
        <source>How often changes are exchanged with the platform in the background. Changes are also sent shortly after you save, and at once with F5.</source>
        <translation>后台与共享平台交换更改的间隔。保存后不久也会自动发送，按 F5 可立即同步。</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source>Minutes without keyboard or mouse input before the window locks and asks for the officer&apos;s password (Ctrl+L locks at once); 0 turns automatic locking off. Locking starts once an officer has signed in on this PC.</source>
        <translation>无键盘或鼠标操作达到该分钟数后，窗口自动锁定并要求输入登录人员的密码（按 Ctrl+L 可立即锁定）；设为 0 则关闭自动锁定。本机有人员登录过之后才会启用锁定。</translation>
    </message>
    <message>
        <source>Offline data lease (days)</source>
        <translation>离线数据有效期（天）</translation>
    </message>
    <message>
        <source>Rows of a grant kept on this PC are hidden once the platform has not confirmed the grant for this many days, until the next sync.</source>
        <translation>共享平台超过此天数未确认授权的，本机保存的该授权数据将隐藏，直到下次同步。</translation>
    </message>
    <message>
        <source>Offline copy limit (MB)</source>
        <translation>离线副本上限（MB）</translation>
    </message>
    <message>
        <source>A download of a grant&apos;s rows for offline use stops at this size (per grant).</source>
        <translation>离线保存授权数据时，单项授权达到此大小即停止下载。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Set by your administrator (machine policy); it cannot be changed here.</source>
        <translation>由管理员通过本机策略设定，不能在此修改。</translation>
    </message>
    <message>
        <source>Default provided by your administrator.</source>
        <translation>管理员提供的默认值。</translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ShareRequestWords</name>
    <message>
        <source>%n day(s) overdue</source>
        <translation>逾期 %n 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>%n day(s) left</source>
        <translation>剩 %n 天</translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation>被平台拒绝</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Not yet on the platform</source>
        <translation>尚未到达平台</translation>
    </message>
    <message>
        <source>Resource code</source>
        <translation>资源代码</translation>
    </message>
    <message>
        <source>Other party</source>
        <translation>对方单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近变化</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>ShareRequestsPage</name>
    <message>
        <source>Share requests</source>
        <translation>共享申请</translation>
    </message>
    <message>
        <source>Request another unit&apos;s resources, answer requests made to your unit in writing, and follow each request through negotiation, filing, the authority&apos;s coordination and its statutory deadlines (Art. 13); raise and answer objections about granted data (Art. 16).</source>
        <translation>申请其他单位的信息资源，书面答复向本单位提出的申请，跟踪每件申请的协商、备案、主管部门协调及法定期限（第十三条）；就获得的数据提出和答复异议（第十六条）。</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我发出的</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>待我答复</translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新建申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Draft a share request (Ctrl+N)</source>
        <translation>起草共享申请（Ctrl+N）</translation>
    </message>
    <message>
        <source>New share request</source>
        <translation>新建共享申请</translation>
    </message>
    <message>
        <source>New share request…</source>
        <translation>新建共享申请…</translation>
    </message>
    <message>
        <source>Choose a request to see its content, its history and the steps you may take.</source>
        <translation>选择一项申请，查看其内容、办理记录和可办理的操作。</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <source>Share requests are your unit&apos;s: sign in to the platform (File → Sign in…) once, then draft and answer them here, also offline.</source>
        <translation>共享申请以本单位名义办理：请先登录共享平台一次（文件 → 登录…），之后即可在此起草和答复申请，离线也可以。</translation>
    </message>
    <message>
        <source>No request in this state</source>
        <translation>没有处于此状态的申请</translation>
    </message>
    <message>
        <source>Choose “All states” to see every request of this list.</source>
        <translation>选择“所有状态”可查看本列表的全部申请。</translation>
    </message>
    <message>
        <source>You have not requested any resource yet</source>
        <translation>您尚未申请任何资源</translation>
    </message>
    <message>
        <source>Choose a resource from the shared directory and draft a share request.</source>
        <translation>从共享目录选择资源，起草共享申请。</translation>
    </message>
    <message>
        <source>No request to answer</source>
        <translation>没有待答复的申请</translation>
    </message>
    <message>
        <source>Requests other units make for your unit&apos;s resources arrive with the next sync; answer them here in writing.</source>
        <translation>其他单位申请本单位资源的共享申请将随下次同步到达，请在此书面答复。</translation>
    </message>
    <message>
        <source>No request for the sharing authority</source>
        <translation>没有需主管部门办理的申请</translation>
    </message>
    <message>
        <source>Requests filed with or applied to your authority arrive with the next sync.</source>
        <translation>向本主管部门备案或提请协调的申请将随下次同步到达。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) need your step soon: %1</source>
        <translation>
            <numerusform>%n 项共享申请需要您尽快办理：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No program on this PC opens %1. It was saved as %2.</source>
        <translation>本机没有可打开 %1 的程序。文件已保存为 %2。</translation>
    </message>
    <message>
        <source>Save the attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <source>{officer} · {unit}</source>
        <translation>{officer} · {unit}</translation>
    </message>
    <message>
        <source>Signed in to the platform. Click to sign in as someone else.</source>
        <translation>已登录共享平台。点击可换用其他账号登录。</translation>
    </message>
    <message>
        <source>{unit} · not signed in</source>
        <translation>{unit} · 未登录</translation>
    </message>
    <message>
        <source>Click to sign in; you can keep working offline meanwhile.</source>
        <translation>点击登录；在此之前可以继续离线工作。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>No platform address set</source>
        <translation>未设置平台地址</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Click to open the Sync page</source>
        <translation>单击打开“同步”页</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项修改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 处冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 项发送失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the platform</source>
        <translation>登录共享平台</translation>
    </message>
    <message>
        <source>&amp;Platform address:</source>
        <translation>平台地址(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>This data folder holds the catalog of {unit}: sign in with an account of that unit.</source>
        <translation>此数据目录保存的是{unit}的目录：请使用该单位的账号登录。</translation>
    </message>
    <message>
        <source>Your work is kept on this PC either way. Signing in lets it reach the platform; the first sign-in makes this catalog your unit&apos;s.</source>
        <translation>无论是否登录，您的工作都保存在本机。登录后才能与共享平台交换数据；首次登录后，本目录即归属您所在的单位。</translation>
    </message>
    <message>
        <source>Enter the platform address.</source>
        <translation>请输入共享平台地址。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>SpreadsheetFindings</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>GovShare Desktop cannot open its window: Qt&apos;s xcb platform needs system libraries that are missing here: {libraries}.
On Debian or Ubuntu, install them with:
    sudo apt-get install {packages}</source>
        <translation>GovShare Desktop 无法打开窗口：Qt 的 xcb 窗口平台所需的以下系统库在本机缺失：{libraries}。
在 Debian 或 Ubuntu 上可用以下命令安装：
    sudo apt-get install {packages}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Reasons (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>说明（选填）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>认定结论</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>The step is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation>此操作先保存在本机，随下次同步送达平台；当前离线也可以办理。</translation>
    </message>
    <message>
        <source>Set the terms of use (otherwise every requested item, one year)</source>
        <translation>设定使用条件（不设定：所申请的全部信息项，期限一年）</translation>
    </message>
    <message>
        <source>Allow an offline copy</source>
        <translation>允许离线缓存</translation>
    </message>
    <message>
        <source>Allow export</source>
        <translation>允许导出</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Everything you do is saved on this PC first and sent to the provincial sharing platform in the background when a connection is available; changes from the platform come back the same way. You can keep working meanwhile.</source>
        <translation>您所做的一切都先保存在本机，有网络时在后台发送到省级共享平台；平台上的更改也以同样方式取回。同步期间可以照常工作。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Discard this operation…</source>
        <translation>放弃此操作…</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Platform&apos;s answer</source>
        <translation>平台的答复</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>No changes waiting to be sent</source>
        <translation>没有等待发送的更改</translation>
    </message>
    <message>
        <source>Everything you changed on this PC has reached the platform. New changes are sent shortly after you save them.</source>
        <translation>您在本机所做的更改都已送达共享平台。新的更改会在保存后不久自动发送。</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>没有冲突</translation>
    </message>
    <message>
        <source>When this PC and the platform change the same field of a resource, it is listed here and you choose which value to keep.</source>
        <translation>本机和共享平台修改了同一资源的同一字段时，会列在这里，由您选择保留哪个值。</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>Recent syncs went through. When one fails, the reason is shown here, with details you can copy for IT support.</source>
        <translation>最近的同步都已完成。如果同步失败，原因会显示在这里，并可复制详细信息发给技术支持。</translation>
    </message>
    <message>
        <source>Platform address: {url}</source>
        <translation>平台地址：{url}</translation>
    </message>
    <message>
        <source>Platform address: not set (File → Settings)</source>
        <translation>平台地址：未设置（文件 → 设置）</translation>
    </message>
    <message>
        <source>Syncing… You can keep working meanwhile.</source>
        <translation>正在同步…您可以照常工作。</translation>
    </message>
    <message>
        <source>No platform address is set. Enter it in File → Settings, then sign in.</source>
        <translation>尚未设置共享平台地址。请在“文件 → 设置”中填写，然后登录。</translation>
    </message>
    <message>
        <source>No sync yet since the app was started.</source>
        <translation>本次启动后尚未同步。</translation>
    </message>
    <message>
        <source>Synced at {when}: {sent} change(s) sent, {applied} change(s) from the platform taken in.</source>
        <translation>{when} 同步完成：发送 {sent} 项更改，收到平台的 {applied} 项更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for you below.</source>
        <translation>
            <numerusform>有 %n 处冲突等待您在下方处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the platform (see below).</source>
        <translation>
            <numerusform>%n 项更改被平台拒绝（见下方）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync at {when} did not finish. {reason}</source>
        <translation>{when} 的同步未完成。{reason}</translation>
    </message>
    <message>
        <source>Next try at {time}.</source>
        <translation>将于 {time} 再试。</translation>
    </message>
    <message>
        <source>Notice read</source>
        <translation>通报已读</translation>
    </message>
    <message>
        <source>Raise objection</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation>被平台拒绝</translation>
    </message>
    <message>
        <source>Waits for a conflict to be resolved</source>
        <translation>等待解决冲突</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Will be tried again</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Refused (HTTP {status}): {reason}</source>
        <translation>平台拒绝（HTTP {status}）：{reason}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>平台拒绝：{reason}</translation>
    </message>
    <message>
        <source>Changed on the platform meanwhile: resolve the conflict below.</source>
        <translation>平台上同时有修改：请在下方解决冲突。</translation>
    </message>
    <message>
        <source>Not delivered last time: {reason}</source>
        <translation>上次未送达：{reason}</translation>
    </message>
    <message>
        <source>The unit&apos;s catalog</source>
        <translation>本单位的信息资源目录</translation>
    </message>
    <message>
        <source>(unnamed resource)</source>
        <translation>（未命名资源）</translation>
    </message>
    <message numerus="yes">
        <source>{name} and others (%n in all)</source>
        <translation>
            <numerusform>{name} 等 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the platform.</source>
        <translation>
            <numerusform>%n 项更改被平台拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted on the platform, changed on this PC</source>
        <translation>平台上已删除，本机有修改</translation>
    </message>
    <message>
        <source>Both changed: {fields}</source>
        <translation>双方都修改了：{fields}</translation>
    </message>
    <message>
        <source>Waiting to be sent ({n})</source>
        <translation>等待发送（{n}）</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source>Recent errors ({n})</source>
        <translation>最近的错误（{n}）</translation>
    </message>
    <message>
        <source>Select a change the platform refused to let it go.</source>
        <translation>请先选择一项被平台拒绝的操作，才能放弃它。</translation>
    </message>
    <message>
        <source>Only a share request&apos;s step, an objection or a notice&apos;s reading refused by the platform can be let go of here; correct this record and it is sent again.</source>
        <translation>此处只能放弃被平台拒绝的共享申请步骤、异议或通报已读；这条记录请更正后再次发送。</translation>
    </message>
    <message>
        <source>This change waits for its conflict: resolve it below.</source>
        <translation>此更改正在等待冲突解决：请在下方解决冲突。</translation>
    </message>
    <message>
        <source>This change has not been refused: it is sent with the next sync. Only what the platform refused can be let go of.</source>
        <translation>此更改尚未被拒绝，将在下次同步时发送。只有被平台拒绝的操作才能放弃。</translation>
    </message>
    <message>
        <source>Let go of this refused operation: it is not sent again, and what the platform holds stands.</source>
        <translation>放弃这项被拒绝的操作：它不会再发送，平台上的状态保持不变。</translation>
    </message>
    <message>
        <source>The objection stays as the platform holds it; raise a new one if it is still needed.</source>
        <translation>异议以平台上的状态为准；如仍有需要，请重新提出异议。</translation>
    </message>
    <message>
        <source>The notice stays read on this PC.</source>
        <translation>该通报在本机上仍为已读。</translation>
    </message>
    <message>
        <source>The request stays in the state the platform holds; take the step again from the Share requests page if it is still needed.</source>
        <translation>共享申请以平台上的状态为准；如仍有需要，请在“共享申请”页重新办理该步骤。</translation>
    </message>
    <message>
        <source>Discard this operation</source>
        <translation>放弃此操作</translation>
    </message>
    <message>
        <source>Let go of “{what}” for {name}?</source>
        <translation>放弃“{name}”的“{what}”操作吗？</translation>
    </message>
    <message>
        <source>The platform refused it ({reason}). It will not be sent again and is removed from this PC&apos;s queue; nothing changes on the platform.</source>
        <translation>平台拒绝了此操作（{reason}）。放弃后它不再发送，并从本机的待发送队列中移除；平台上的状态不变。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Time: {when}</source>
        <translation>时间：{when}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>VerifyAudit</name>
    <message>
        <source>The audit log is intact: {n} sealed event(s) checked.</source>
        <translation>审计日志完好：已核验 {n} 条已签封的事件。</translation>
    </message>
    <message>
        <source>{n} event(s) written while no system credential store was usable are not sealed yet; they are sealed, in order, the next time GovShare Desktop can read its key.</source>
        <translation>另有 {n} 条事件写入时系统凭据库不可用，尚未签封；GovShare Desktop 下次能读取密钥时将按顺序签封。</translation>
    </message>
    <message>
        <source>The audit log is broken at event {seq} (id {id}, {at}): {what}</source>
        <translation>审计日志在第 {seq} 条事件处断开（编号 {id}，{at}）：{what}</translation>
    </message>
    <message>
        <source>The {n} sealed event(s) before it are intact.</source>
        <translation>此前的 {n} 条已签封事件完好。</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>时间不详</translation>
    </message>
    <message>
        <source>it does not match its seal: it was changed after it was written.</source>
        <translation>与其签封不符：写入后被改动过。</translation>
    </message>
    <message>
        <source>the event(s) from number {expected} up to it are missing: they were removed.</source>
        <translation>从第 {expected} 条到此条之前的事件缺失：已被删除。</translation>
    </message>
    <message>
        <source>it was sealed at another place in the log: events were reordered.</source>
        <translation>它是在日志中另一位置签封的：事件顺序被调换过。</translation>
    </message>
    <message>
        <source>the log ends here, but was sealed up to event {expected}: events were removed from its end.</source>
        <translation>日志到此为止，但签封记录到第 {expected} 条：末尾的事件已被删除。</translation>
    </message>
    <message>
        <source>the record of where the log ends does not match its seal: it was changed or removed.</source>
        <translation>日志末尾记录与其签封不符：已被改动或删除。</translation>
    </message>
    <message>
        <source>it is not sealed, but sealed events follow it: its seal was removed.</source>
        <translation>此事件未签封，但其后有已签封的事件：其签封已被删除。</translation>
    </message>
    <message>
        <source>it is not sealed yet and does not match its checksum: it was changed or damaged.</source>
        <translation>此事件尚未签封，且与其校验和不符：已被改动或损坏。</translation>
    </message>
</context>
<context>
    <name>WaitingOpsBox</name>
    <message>
        <source>%1 — waits for the next sync</source>
        <translation>%1 — 等待下次同步发送</translation>
    </message>
    <message>
        <source>%1 — refused by the platform: %2</source>
        <translation>%1 — 平台拒绝：%2</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>The window can be locked once an officer has signed in on this PC: the password of that sign-in unlocks it.</source>
        <translation>本机有人员登录之后才能锁定窗口：解锁时使用该次登录的密码。</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation>密码错误次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>The password cannot be checked: the platform does not answer and this PC holds no record of the last sign-in to check it against. Connect to the network and try again, or quit.</source>
        <translation>无法核对密码：共享平台没有响应，本机也没有上次登录留下的核对记录。请连接网络后重试，或退出程序。</translation>
    </message>
    <message>
        <source>Wrong password; the window stays locked.</source>
        <translation>密码错误，窗口保持锁定。</translation>
    </message>
    <message>
        <source>{n} more wrong password(s), then you must wait.</source>
        <translation>再输错 {n} 次后须等待一段时间才能重试。</translation>
    </message>
</context>
</TS>
