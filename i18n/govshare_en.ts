<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About GovShare Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;GovShare Desktop {version}&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile your unit&apos;s information resource catalog, request and answer data shares, and view the data you are authorised to see — offline, syncing with the provincial sharing platform whenever a connection is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{raiser} doubts the {aspect} of {resource} ({item}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you checked and what you corrected, or why the data stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is given once. It is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the result: accepted, corrected or not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrivalAnnouncer</name>
    <message>
        <source>New notice from the sharing authority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new notices from the sharing authority</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GovShare notices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a PDF file, such as the record of the negotiation (at most 20 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this PC, not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizedDataPage</name>
    <message>
        <source>Authorized data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data your unit is authorised to use, and only within the grant: the granted data items, for the granted purpose, until the grant ends. Every view, query, export and print is recorded (Art. 14, 15, 17).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grants yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants reach this PC when you sign in and sync (F5). To ask another unit for data, draft a request on the 共享申请 page; once the platform grants it, it is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This grant does not allow keeping its rows on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection queued: it reaches the provider with the next sync. Follow it under Share requests → Objections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping the rows on this PC…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile and maintain your unit&apos;s information resource catalog. Every change is saved on this PC as you make it; Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {field} of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the data items of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New information resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog — {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog has no resources yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create resources one by one, or import a catalog workbook filled in Excel or WPS. No workbook yet? Export the blank template, fill it in and import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a catalog workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the blank template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{name}” ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogToolbar</name>
    <message>
        <source>Search names, abstracts and data items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;ling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;rive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source chec&amp;ked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a catalog workbook, export the template or the catalog, check a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derive entries from the superior unit&apos;s catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The superior entry this one was derived from changed; mark it as reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一数一源: the same data offered by several providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superior entry changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All share types</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <source>{code} (unnamed {level})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to name this class or change its name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassNaming</name>
    <message>
        <source>&amp;Rename {level} {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the name of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name {level} {code}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of {level} {code} (shown in the tree and the form; kept on this PC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name {code} “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest schema known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is sound and at the newest schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema is older than this version; run: govshare db upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded the database from {old} to {new}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is already at the newest schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret (stays on this PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} resource(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog of {unit} ({code}), credit code {credit_code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data directory belongs to no unit yet: the first sign-in (govshare login) gives it the officer&apos;s unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entry(ies) of the shared directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared directory is empty here: sign in (govshare login) and sync; the catalogs the other units have filed arrive with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(superior unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({size} bytes, SHA-256 {sha256})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} share request(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No share request has the id {id} here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({n} step(s) waiting to be sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a step was refused by the platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} was refused by the platform: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} objection(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(waiting to be sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(refused by the platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource has the code or id {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} resource(s) are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} error(s) and {warnings} warning(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data item {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being compiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted for filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned for revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n} was frozen and submitted for filing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working copy has changes that no version holds yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data items added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data items removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data items changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} added, {removed} removed, {changed} changed, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data item in several providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resource name in several providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} overlap(s), {open} still to resolve or justify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} resource(s) to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superior catalog of {unit}: {added} new, {changed} changed, {unchanged} unchanged entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived {code} {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} resource(s) open to society to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked {rows} row(s) of sheet {sheet} (header on row {header}) for {code} {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors: the file fits the resource&apos;s data items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more finding(s) are counted but not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} changed, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: {resources} resource(s) with {items} data item(s) would be imported: {new} new, {changed} changed, {unchanged} unchanged. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} error(s) and {warnings} warning(s) in {resources} resource(s). Nothing was stored; fix the workbook and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row(s) would change resources this catalog already holds (listed above). To update them on purpose, import again with --update-existing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources this catalog already holds that the workbook changes: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANOTHER NAME under this code: most likely a different resource whose code collides with yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted before; the import brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid the import of {file}: {deleted} resource(s) it created deleted, {restored} given back their previous content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook was already imported on {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook with the problems marked: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the catalog template to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name} ({officer}) of {unit} ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change(s) stay on this PC until someone of the unit signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync first, or sign out anyway (the changes stay): govshare logout --force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: {sent} change(s) sent, {applied} change(s) from the platform taken in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s changes were read again from the start (its cursor had expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change(s) still wait to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} change(s) were refused by the platform: see the 同步 page in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflict(s) wait for you: the platform and this PC changed the same field. Resolve them on the 同步 page in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource	Provider	Valid until	Allowed	Status	Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} grant(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} row(s) kept offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline copy hidden until the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row(s) from the encrypted copy on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row(s) from the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More rows follow; ask with --limit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(unnamed resource)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve conflict — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was changed on this PC and on the platform since the last sync, and both changed the fields below. Choose for each field which value to keep; the other fields were merged already. What you choose is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All from this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All from the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was deleted on the platform, but this PC still has changes to it that were not sent. Discard this PC&apos;s changes (the resource is removed here too), or keep it as a new resource that is sent to the platform with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this PC&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as a new resource</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>GovShare Desktop ran into an internal error. Everything you saved is safe: no change is ever half-written to the database.

Please send the log file to IT support:
{log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GovShare Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFileDialog</name>
    <message>
        <source>Check a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks a data file of “{code} {name}” against the resource&apos;s data items: missing columns, and values that do not fit their type, length or obligation. This only checks the file; nothing is stored or uploaded (uploading comes with synchronisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose data file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spreadsheet or CSV file (.xlsx .xlsm .xls .xlsb .ods .csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbook of the file&apos;s values with every problem cell coloured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This resource has no data items yet. Add them in the catalog first: a data file is checked against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This resource has no data items yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add them in the catalog first: a data file is checked against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is above. Choose another file, or save it again in Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data file to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value that does not fit its data item is listed here with its cell, and a copy with the problem cells coloured can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every column and value fits the resource&apos;s data items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked %n row(s) of sheet {sheet} (header on row {header}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more finding(s) are counted but not listed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No errors: the file fits the resource&apos;s data items.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataItemsEditor</name>
    <message>
        <source>&lt;b&gt;Data items&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste rows copied from Excel: name, data type, length, description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeriveDialog</name>
    <message>
        <source>Derive from the superior catalog (Art. 11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the superior catalog file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the catalog file your superior unit exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from your superior unit&apos;s catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the catalog exchange file (.json) your superior unit exported. Its entries are listed here: tick those that apply to your unit, then press “Derive the ticked entries”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derive the ticked entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superior catalog file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superior catalog of {unit}: {added} new, {changed} changed entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries to derive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no entry of the superior catalog. Check that it is the catalog file your superior unit exported, and load it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) derived into your catalog.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Shared directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogs other units have filed, kept on this PC by every sync so you can browse and search them offline. Derive your own entries from your superior unit&apos;s catalog here (Art. 11 §3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, abstracts and data items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Derive into my catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try fewer or other words; the search looks in names, abstracts and data items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared directory is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the platform (File → Sign in…). The catalogs the other units have filed arrive with the next sync and stay on this PC, to browse and search offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (your superior unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your superior unit&apos;s entries are derived from (Art. 11 §3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: the new entry goes into your unit&apos;s catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new entry of your catalog, linked to this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived into your catalog: %1. Complete it on the Catalog page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Edit the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New share request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the shared directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the data items you need:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which duty of your unit needs this data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found in the shared directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a resource from the shared directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one data item you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which duty of your unit needs this data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period of use ends before it begins.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Provided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (your superior unit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a catalog workbook (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export catalog to &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check data &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a data file against the selected resource&apos;s data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import catalog workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the whole import back (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the catalog template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog template was written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the catalog to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalog.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) exported to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileCheckDialog</name>
    <message>
        <source>Save marked workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save marked workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marked workbook was saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <source>Submit for filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalog&apos;s versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog filing (备案)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being compiled (编制中)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted for filing (报备中)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filed (已备案)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned for revision (退回修改)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version has been filed yet; the catalog is being compiled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working copy has changes that no version holds yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two versions above and press Compare: the resources added, removed and changed between them are listed here, ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version yet. Once you submit the catalog for filing, each version can be compared here with the next one or with the working copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading where the catalog stands…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog has no resources yet: create or import them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason for filing again above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n} was frozen and submitted for filing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantBox</name>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise &amp;objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object to the accuracy, completeness or timeliness of the granted data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no offline cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantData</name>
    <message>
        <source>{officer} · {unit} · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared government data exported by {officer} ({unit}) at {time} under grant {grant} ({resource}). Use it only for the granted purpose; it must not be passed on, sold or published (Art. 15).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantViewer</name>
    <message>
        <source>Authorized data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the provider that the selected rows or fields are inaccurate, incomplete or out of date (Art. 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This grant does not allow exporting its rows (Art. 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From the encrypted copy on this PC: %n row(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>From the platform, page by page: more rows are read as you scroll. Sorting and jumping to the end need the copy on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows where {item} is {values}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform serves rows in its own order; sorting needs the copy on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantsModel</name>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline copy hidden until the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kept offline: %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline copy incomplete: %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportChangesView</name>
    <message>
        <source>Code / field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing would change %n resource(s) your catalog already holds: see the tab “Changes to existing resources”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them would get another name, most likely because the workbook holds a different resource under one of your codes: {list}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This import changes %n resource(s) your catalog already holds: their fields are replaced by the workbook&apos;s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them would get another name: {list}. If these are different resources, cancel and give them codes of their own in the workbook.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted before; the import brings it back with the workbook&apos;s content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted) {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another name under the same code: most likely a different resource whose code collides with yours, not an update of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import catalog workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel, WPS or LibreOffice workbook (.xlsx .xlsm .xls .xlsb .ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the workbook with every problem cell coloured and commented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each column of the workbook is read. If a column was recognised wrongly, choose what it holds; the workbook is checked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header in the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a catalog workbook. It is checked first; nothing is stored until you import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a problem to see its row in the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems ({errors} errors, {warnings} warnings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Changes to existing resources (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one sheet, each resource with its data items below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two sheets, resources and data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout: {layout}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{resources} resource(s) with {items} data item(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing would add {new} new, change {changed} and leave {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook was already imported on {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be imported until the errors are fixed in the workbook. Save the marked workbook to see them in Excel or WPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence number (not stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read column {letter} ({header}) as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading sheet {sheet}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {sheet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change existing resources?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is on the tab “Changes to existing resources”. Until something is synced, Ctrl+Z takes the whole import back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Change %n and import</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the catalog workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog or the workbook changed since it was checked, and the import would now change other existing resources. Nothing was stored; look at the changes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook changed since it was checked and now has errors. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} changed, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import (or Ctrl+Z) takes the whole import back, as long as nothing of it has been synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was stored; the catalog is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of {file} undone: {deleted} resource(s) it created deleted, {restored} given back their previous content.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GovShare Desktop was locked to protect shared data. Enter the password of {officer} to continue; everything you were doing is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the officer who signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit GovShare Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sign in to send and receive changes; they wait on this PC meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running; it includes everything saved so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not undone: {step}. The platform has changed this resource since, so the step was removed from the undo history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GovShare Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About GovShare Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The disk holding {path} is full. Free some space and try again; nothing was saved half-way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close other copies of GovShare Desktop and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged ({reason}). Restore the latest backup from {backups} or contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of GovShare Desktop (schema {found}). This version knows schema {known} at most. Install the newer version; the data has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded ({reason}). It was left as it was, and a backup is at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written ({reason}). Check its permissions or choose another folder with --home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GovShare Desktop is already running with the data folder {path}. Switch to that window; only one copy may work on the same data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting {key} is set by your administrator and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value for {key} is not valid: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine policy {source} cannot be read ({reason}); built-in defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog profile is not valid: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog still has {errors} error(s). Fix them (see the problems list) before filing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {number} is already with the sharing authority. Wait for its decision before filing again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog was filed before. Filing it again (after a reorganisation or a change of duties, Art. 11) needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed since the last version; there is nothing to file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook {path} is damaged and cannot be read ({reason}). Open it in Excel or WPS, save it again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook {path} is protected by a password. Remove the password in Excel or WPS (File → Info → Protect Workbook), save it and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet that can be read here. Choose a file of one of these kinds: {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook {path} is too large to read safely ({reason}). Split it into smaller workbooks, or delete empty rows and columns below and right of the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog table was found in {path}: none of its visible sheets has a header row with the columns {columns} within its first {rows} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row of {path} names the resource&apos;s data items ({columns}) within its first {rows} rows. The data file needs a header row with the data item names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({reason}). Close it if Excel or WPS has it open, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{resource}: the {field} has {length} characters; a workbook cell holds at most {max}. Nothing was exported: shorten it and export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{resource}: the {field} contains {char}, which no workbook can hold. Nothing was exported: delete it and export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of {file} can no longer be undone: {names} may already have reached the platform since. Nothing was changed; correct those resources in the editor instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of {file} was not undone: {names} was changed after the import, and undoing it would overwrite that change. Nothing was changed; take that change back first, or correct the resources in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import can no longer be undone: it was undone already, or it is too old (only the latest imports are kept for undoing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform address is set. Enter it in Settings → Platform address (or pass --platform), then sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform at {url} cannot be reached. You can keep working offline; changes are sent once the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something other than the platform answered for {url}: most likely the sign-in page of the network or of a proxy. Open a web browser and sign in to the network, then try again. Until then you work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request: {detail} (HTTP {status}, {problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform is busy and asks to wait. Try again after {until} (in {seconds} seconds); nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security certificate of {host} is not trusted ({reason}), so no connection was made. If your organisation uses its own certificate authority, ask IT to install it in Windows, or name its PEM file in Settings → Extra CA certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy {proxy} asks for a sign-in (HTTP 407). Sign in to the proxy or ask IT which proxy to use (Settings → Proxy), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy auto-configuration file {url} cannot be used ({reason}). Ask IT to check it, or set the proxy by hand in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Wait until {until} (in {seconds} seconds), then try again with the right password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in to the platform has ended. Sign in again (File → Sign in, or govshare login); changes waiting to be sent are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system credential store is available ({reason}), so the sign-in cannot be kept safely and was not attempted. GovShare Desktop never keeps it in a file. You can keep working offline; ask IT support to enable the Windows Credential Manager (or the desktop keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log can only be checked with its key, which is kept in the system credential store, and none is available here ({reason}). Run the check as the Windows user who uses GovShare Desktop on this PC, or ask IT support to enable the Windows Credential Manager (or the desktop keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} audit event(s) are sealed with a key that this user&apos;s credential store does not hold (removed, or another Windows user&apos;s). They cannot be checked here; run the check as the user who uses GovShare Desktop on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data folder holds the catalog of {unit} ({unit_code}). {officer} belongs to {other_unit} ({other_code}), and one data folder keeps one unit&apos;s catalog. Sign in with an account of {unit}, or use another data folder for {other_unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} change(s) have not been sent to the platform yet. They stay on this PC, but nothing can be sent until someone of the unit signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform answered the sync with something this version cannot use ({detail}). Nothing was lost: your changes wait on this PC. If it keeps happening, send the details to IT support; a newer version of GovShare Desktop may be needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is in the catalog of {unit}, which is not your unit&apos;s superior. A catalog is compiled from the superior unit&apos;s catalog (Art. 11 §3); nothing was derived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request has not been brought to your unit yet, so you cannot “{action}” it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the {parties} of this request may “{action}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is at “{state}”: “{action}” is not possible now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time for “{action}” ran out at the end of {due} (China Standard Time). The sharing authority may escalate the request for decision instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider may explain in writing until the end of {due} (China Standard Time). Escalate after that day, or once the explanation is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{action}” needs a written text (the reasons or the result); it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} of “{action}” has {length} characters; at most {max} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} of “{action}” contains the control character {char}, which the platform does not accept. Delete it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{action}” needs its result: share, or do not share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{action}” needs the secrecy bureau&apos;s determination: a state secret, or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{action}” takes no {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms of use go only with a decision to share; remove them or decide to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A grant names from 1 to {max} data items, each of 1 to {length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant&apos;s period (from {valid_from} to {valid_to}) is not valid: it must not end before it starts, and its dates lie between 2000 and 2999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share request {id} is no longer a draft ({state}): its content can no longer change. Withdraw it and draft a new one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{action}” cannot be taken on the share request {id} now (state: {state}). Possible now: {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {seq} is not a share-request step refused by the platform; only those can be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a PDF file. Attach the negotiation record as a PDF (save or scan it as PDF first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is {size_mb} MB; an attachment may have at most {max_mb} MB. Scan it at a lower resolution or split it into several files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} could not be read ({reason}). Check that it exists and that you may open it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachments of share request {id} can change only while it is a draft that has not been submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment “{name}” is not on this PC yet and could not be fetched from the platform ({reason}). Try again when the platform is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment “{name}” arrived damaged (its checksum does not match). Try again; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be written to {path} ({reason}). Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period of use ends on {until}, before it begins ({since}). Correct the dates; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} is not one your unit holds here. Object only to data your unit was granted; sync first if the grant is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data item “{item}” is not granted by this grant (granted: {granted}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{aspect}” is not an aspect of an objection: accuracy, completeness or timeliness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{outcome}” is not an answer to an objection: accepted, corrected or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of the objection or of its answer is empty; write it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has {length} characters; at most {max} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection {id} cannot be answered here now: only the provider&apos;s officers answer it, once, while it waits for an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raising an objection needs the platform role “{role}”, which your account does not have. Ask your unit&apos;s platform administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {seq} is not an objection refused by the platform; only those can be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {seq} is not a notice&apos;s reading refused by the platform; only those can be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} is not one your unit holds here. Sync first if it is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} was revoked on {at}: {reason} Its rows may no longer be viewed, and any copy kept on this PC was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} is valid from {since} to {until}; its rows may not be viewed today, and any copy kept on this PC was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows of this grant are not kept on this PC. Connect to the platform to view them, or download them for offline use where the grant allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} does not allow keeping its rows on this PC; view them online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline copy of this grant&apos;s rows cannot be read ({reason}); it was deleted. Download it again while online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline copy of this grant reached the size limit of {limit} MB with {rows} rows; the download stopped there. Ask your IT staff to raise the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform last confirmed this grant on {at}, more than {days} days ago; its offline rows are hidden until a sync confirms the grant again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant {grant} does not allow exporting its rows (Art. 15); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column “{column}” is not one of the data items this grant allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: {length} characters, at most {max} allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classification level {level} is not in the expected form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource code must be the classification code {expected_prefix}, “/”, and a sequence number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a valid 18-character unified social credit code (check character wrong or invalid characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional sharing needs its share conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resource that is not shared needs its legal basis: name the law, administrative regulation or policy in the share conditions (or in the legal basis field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resource open to society should state its open conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data item name “{name}” appears more than once in this resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource has no data items yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length {value} must be a positive whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource code {value} is used by another resource of this unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains the invisible control character {char}, which cannot be shown or printed. Delete it (line breaks and tabs are allowed only in multi-line fields).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The required column “{label}” is missing from this sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column “{label}” is not part of the catalog template and was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a date. Write it like 2025-06-01 or 2025年6月1日.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not 是/否 (or Y/N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel stored this code as the number {value}; it was read as “{code}”. Format the column as text to keep leading zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel stored this code as the number {value} and lost some of its digits. Format the column as text and type the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource on the resources sheet has the code “{value}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code {value} belongs to an entry of another unit&apos;s catalog held read-only here; give this resource a code of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code {value} is already used by “{name}” in this catalog: importing this row (“{new_name}”) would overwrite that resource. Give the row a code of its own, or import with --update-existing to update “{name}” on purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data item “{label}” of the resource has no column in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a value of the data type {type}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: {length} characters, the data item allows {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data item needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many digits: {digits}, the data item allows {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your saved work is safe; details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concrete format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-data-one-source note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision of the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed with the authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to the authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting the provider&apos;s explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained; in coordination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated for decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: do not share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrecy in dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File with the authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to the authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a written explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain in writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the coordination result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate for decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise a secrecy dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the secrecy determination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A state secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a state secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terms of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrecy determination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet on the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting the provider&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices (通报) are what the platform&apos;s operator or the sharing authority reports to your unit about its data sharing and the problems found (Art. 17, 21). They arrive with each sync with the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the platform learns it at the next sync)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionDetail</name>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows or fields concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the objection as the provider: accepted, corrected or not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not sent again; the objection stays as the platform holds it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionWords</name>
    <message>
        <source>The whole resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionsPanel</name>
    <message>
        <source>Raised by us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raise objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an objection to see what it doubts, the answer and its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first (File → Sign in…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unit holds no grant yet. Grants arrive with the sync once a share request of your unit is granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object to the accuracy, completeness or timeliness of granted data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections are your unit&apos;s: sign in to the platform (File → Sign in…) once, then raise and answer them here, also offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grant to object to yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An objection concerns data your unit was granted. Grants arrive with the sync once a share request of your unit is granted; then raise an objection here if the data is inaccurate, incomplete or out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not raised any objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If granted data is inaccurate, incomplete or out of date, raise an objection: the provider is told and answers (Art. 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No objection to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections other units raise about your unit&apos;s data arrive with the next sync; answer them here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OneSourceDialog</name>
    <message>
        <source>One data, one source (一数一源)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for overlaps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same data should come from one provider (Art. 11). Open a resource to change it, or explain the overlap in its one-data-one-source note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overlaps found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data is offered by more than one provider among the catalogs on this PC: no two providers list a resource of the same name, nor a data item of the same name and type. Check again after importing or deriving more catalogs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} overlap(s), {open} still to resolve or justify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlaps could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the reason above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs doing today, then your unit&apos;s sharing at a glance: the catalog, requests, grants, objections and sync (Art. 17). Click an item or a figure to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made to your unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by your unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending within 30 days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused or blocked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed syncs (30 days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share requests by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your unit&apos;s to-dos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, grants and objections are your unit&apos;s: sign in to the platform (File → Sign in…) once; the catalog&apos;s figures are shown meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to answer, objections, conflicts and refused changes appear here after each sync; nothing needs your step now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share request %1 waits for your step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the objection about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the sync conflict on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused a change to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog version %1 was returned for changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant of %1 ends soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the notice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 being compiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 returned for changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made to your unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by your unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force beyond 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewReport</name>
    <message>
        <source>Government information sharing: monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for the unit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Data item {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: {errors} error(s), {warnings} warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n field(s) of a new resource still to fill in</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} {name} — provider {provider}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the rows or fields concerned and what is wrong, e.g. rows 12 and 37: the name has a wrong character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the provider about doubts on the accuracy, completeness or timeliness of data your unit was granted (Art. 16). The objection is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the whole resource)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted data items: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the grant whose data you doubt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what you doubt: accuracy, completeness or timeliness.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit the draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the request as the official form, then print it or save it as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestPrint</name>
    <message>
        <source>Platform: database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform: interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform: file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail or media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} step(s) taken on this PC have not reached the platform yet and are not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed by {name} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinions and seals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government Information Resource Sharing Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requesting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providing unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose (duties it serves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact and telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written explanation due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No steps recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit / officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature of the person in charge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:      year      month      day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requesting unit (seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinion of the providing unit (seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinion of the sharing authority (seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share-request.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceForm</name>
    <message>
        <source>Select a resource on the left, or create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix in this resource.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the fields marked *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what is still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a date as 2025-06-01 (or 2025年6月1日).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification (类/项/目/细目)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concrete format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret (涉密, never leaves this PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-data-one-source note (一数一源说明)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional sharing: the conditions of use. Not shared: the law, administrative regulation or policy that rules sharing out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: as the national guide has it, the legal basis for not sharing may stand in the share conditions instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the provincial sharing platform, e.g. https://platform.example.gov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: use the system proxy. Otherwise e.g. http://proxy.example.gov:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy auto-configuration (PAC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the PAC file your network publishes, e.g. http://proxy.example.gov/proxy.pac. When set, it chooses the proxy and the Proxy setting is not used. Empty: the Proxy setting, else the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: trust the system certificate store. Otherwise a PEM file of your organisation&apos;s certificate authorities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often changes are exchanged with the platform in the background. Changes are also sent shortly after you save, and at once with F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes without keyboard or mouse input before the window locks and asks for the officer&apos;s password (Ctrl+L locks at once); 0 turns automatic locking off. Locking starts once an officer has signed in on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline data lease (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows of a grant kept on this PC are hidden once the platform has not confirmed the grant for this many days, until the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline copy limit (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A download of a grant&apos;s rows for offline use stops at this size (per grant).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your administrator (machine policy); it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default provided by your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareRequestWords</name>
    <message>
        <source>%n day(s) overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n day(s) left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet on the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareRequestsPage</name>
    <message>
        <source>Share requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request another unit&apos;s resources, answer requests made to your unit in writing, and follow each request through negotiation, filing, the authority&apos;s coordination and its statutory deadlines (Art. 13); raise and answer objections about granted data (Art. 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a share request (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New share request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New share request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to see its content, its history and the steps you may take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share requests are your unit&apos;s: sign in to the platform (File → Sign in…) once, then draft and answer them here, also offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “All states” to see every request of this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not requested any resource yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a resource from the shared directory and draft a share request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests other units make for your unit&apos;s resources arrive with the next sync; answer them here in writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request for the sharing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests filed with or applied to your authority arrive with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) need your step soon: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No program on this PC opens %1. It was saved as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the attachment as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <source>{officer} · {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to the platform. Click to sign in as someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit} · not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sign in; you can keep working offline meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform address set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open the Sync page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data folder holds the catalog of {unit}: sign in with an account of that unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is kept on this PC either way. Signing in lets it reach the platform; the first sign-in makes this catalog your unit&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the platform address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpreadsheetFindings</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>GovShare Desktop cannot open its window: Qt&apos;s xcb platform needs system libraries that are missing here: {libraries}.
On Debian or Ubuntu, install them with:
    sudo apt-get install {packages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Reasons (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Determination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step is queued on this PC and reaches the platform with the next sync, also if you are offline now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the terms of use (otherwise every requested item, one year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow an offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you do is saved on this PC first and sent to the provincial sharing platform in the background when a connection is available; changes from the platform come back the same way. You can keep working meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you changed on this PC has reached the platform. New changes are sent shortly after you save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When this PC and the platform change the same field of a resource, it is listed here and you choose which value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent syncs went through. When one fails, the reason is shown here, with details you can copy for IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform address: not set (File → Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… You can keep working meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform address is set. Enter it in File → Settings, then sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync yet since the app was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at {when}: {sent} change(s) sent, {applied} change(s) from the platform taken in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for you below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the platform (see below).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync at {when} did not finish. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for a conflict to be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be tried again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused (HTTP {status}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on the platform meanwhile: resolve the conflict below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered last time: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit&apos;s catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed resource)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} and others (%n in all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the platform.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted on the platform, changed on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both changed: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a change the platform refused to let it go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a share request&apos;s step, an objection or a notice&apos;s reading refused by the platform can be let go of here; correct this record and it is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change waits for its conflict: resolve it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change has not been refused: it is sent with the next sync. Only what the platform refused can be let go of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let go of this refused operation: it is not sent again, and what the platform holds stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection stays as the platform holds it; raise a new one if it is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice stays read on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request stays in the state the platform holds; take the step again from the Share requests page if it is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let go of “{what}” for {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused it ({reason}). It will not be sent again and is removed from this PC&apos;s queue; nothing changes on the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyAudit</name>
    <message>
        <source>The audit log is intact: {n} sealed event(s) checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} event(s) written while no system credential store was usable are not sealed yet; they are sealed, in order, the next time GovShare Desktop can read its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is broken at event {seq} (id {id}, {at}): {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} sealed event(s) before it are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not match its seal: it was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event(s) from number {expected} up to it are missing: they were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was sealed at another place in the log: events were reordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log ends here, but was sealed up to event {expected}: events were removed from its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record of where the log ends does not match its seal: it was changed or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not sealed, but sealed events follow it: its seal was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not sealed yet and does not match its checksum: it was changed or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitingOpsBox</name>
    <message>
        <source>%1 — waits for the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — refused by the platform: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>The window can be locked once an officer has signed in on this PC: the password of that sign-in unlocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password cannot be checked: the platform does not answer and this PC holds no record of the last sign-in to check it against. Connect to the network and try again, or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password; the window stays locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more wrong password(s), then you must wait.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
