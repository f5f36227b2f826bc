<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="28"/>
        <source>About GasDesk</source>
        <translation>关于 GasDesk</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="29"/>
        <source>GasDesk counter</source>
        <translation>燃气营业厅柜台</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="33"/>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="40"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="41"/>
        <source>Database schema</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="42"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="54"/>
        <source>{version} (up to date)</source>
        <translation>{version}（最新）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="56"/>
        <source>{version} (this version knows up to {latest})</source>
        <translation>{version}（本程序最高支持 {latest}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="58"/>
        <source>shared PostgreSQL</source>
        <translation>共享 PostgreSQL 数据库</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/about.py" line="58"/>
        <source>SQLite file</source>
        <translation>SQLite 文件</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="76"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="77"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="78"/>
        <source>Earlier meters</source>
        <translation>旧表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="79"/>
        <source>Last safety inspection</source>
        <translation>上次安检</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="80"/>
        <source>Open business forms</source>
        <translation>在办业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="81"/>
        <source>Supply</source>
        <translation>供气状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="110"/>
        <source>Reprint receipt (Alt+P)</source>
        <translation>重印收据（Alt+P）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="120"/>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="122"/>
        <source>Payments</source>
        <translation>缴费记录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="134"/>
        <source>Readings (Alt+1)</source>
        <translation>抄表记录（Alt+1）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="135"/>
        <source>Bills and payments (Alt+2)</source>
        <translation>账单与缴费（Alt+2）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="136"/>
        <source>Report a reading (Alt+R)</source>
        <translation>客户报数（Alt+R）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="137"/>
        <source>Changes (Alt+3)</source>
        <translation>变更记录（Alt+3）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="139"/>
        <source>Statement… (Alt+S)</source>
        <translation>对账单…（Alt+S）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="159"/>
        <source>residential</source>
        <translation>居民用户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="159"/>
        <source>commercial</source>
        <translation>商业用户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="255"/>
        <source> (suspended)</source>
        <translation>（停气）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="256"/>
        <source> (closed)</source>
        <translation>（已销户）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="167"/>
        <source>Owes ¥{amount} ({bills} unpaid bills)</source>
        <translation>欠费 ¥{amount}（{bills}笔未缴账单）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="173"/>
        <source>Nothing owed</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="178"/>
        <source>Prepaid ¥{amount}</source>
        <translation>预存 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="184"/>
        <source>no meter in service</source>
        <translation>无在用表具</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="186"/>
        <source>IC card</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="186"/>
        <source>mechanical</source>
        <translation>机械表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="190"/>
        <source>{number} ({kind}, {model}), installed {installed}, verified {verified}</source>
        <translation>{number}（{kind}，{model}），{installed}安装，{verified}检定</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="201"/>
        <source>{number} removed {removed}</source>
        <translation>{number}，{removed}拆除</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="209"/>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="213"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="218"/>
        <source>Planned outage {start} – {end}: {area} ({reason})</source>
        <translation>计划停气 {start} – {end}：{area}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="241"/>
        <source>Previous reading: {value} m³ on {date} (meter {meter}).</source>
        <translation>上次读数：{date} {value} m³（表号 {meter}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="264"/>
        <source>supplied</source>
        <translation>正常供气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="269"/>
        <source>closed on {day} ({reason}, {by})</source>
        <translation>{day}已销户（{reason}，经办人{by}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="272"/>
        <source>stopped since {day}: {reason} ({by})</source>
        <translation>{day}起停气：{reason}（经办人{by}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="289"/>
        <source>Choose a payment with a receipt first.</source>
        <translation>请先选择一笔有收据的缴费记录。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/account_panel.py" line="294"/>
        <source>Reprinting receipts is not available in this version.</source>
        <translation>本版本暂不提供重印收据功能。</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="40"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="41"/>
        <source>Visit</source>
        <translation>上门事项</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="42"/>
        <source>Crew</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="43"/>
        <source>Form</source>
        <translation>业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="44"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="45"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="46"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="47"/>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="48"/>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="60"/>
        <source>Record arr&amp;ival</source>
        <translation>登记到达(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="63"/>
        <source>Cancel &amp;booking</source>
        <translation>取消预约(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="68"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="72"/>
        <source>Crew arrived at</source>
        <translation>班组到达时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="84"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="84"/>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="86"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="145"/>
        <source>Booking {number} cancelled; the slot is free again.</source>
        <translation>预约{number}已取消，该时段已释放。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="152"/>
        <source>{number}: the crew was on time.</source>
        <translation>{number}：班组准时到达。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/appointments.py" line="154"/>
        <source>{number}: the crew was late.</source>
        <translation>{number}：班组迟到。</translation>
    </message>
</context>
<context>
    <name>BillsModel</name>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="93"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="93"/>
        <source>Used m³</source>
        <translation>用气量 m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="93"/>
        <source>Amount ¥</source>
        <translation>金额 ¥</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="93"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="103"/>
        <source>paid ({receipt})</source>
        <translation>已缴（{receipt}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="104"/>
        <source>unpaid</source>
        <translation>未缴</translation>
    </message>
</context>
<context>
    <name>BlindCountBox</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/count_box.py" line="29"/>
        <source>Blind count at the end of the shift</source>
        <translation>交班清点</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/count_box.py" line="33"/>
        <source>Count the drawer by denomination and read the totals off the payment terminals. What the system expects is shown once the count is recorded.</source>
        <translation>请按面额清点钱箱，并从各支付终端读取合计金额。登记清点结果后才会显示系统应有金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/count_box.py" line="48"/>
        <source>{method} terminal total</source>
        <translation>{method}终端合计</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/count_box.py" line="52"/>
        <source>&amp;Record count</source>
        <translation>登记清点(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CardActions</name>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="151"/>
        <source>Nothing is owed to this card.</source>
        <translation>此卡没有待写入的内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="161"/>
        <source>NOT written: {reason}</source>
        <translation>未写卡：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="165"/>
        <source>Written: {volume} m³ onto card {card} (purchase {seq}).</source>
        <translation>已写卡：{volume} m³ 写入卡 {card}（第{seq}次购气）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="167"/>
        <source>Card {card} already held purchase {seq} ({volume} m³): recorded as written, nothing written twice.</source>
        <translation>卡 {card} 已有第{seq}次购气（{volume} m³）：记为已写卡，未重复写入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="170"/>
        <source>New card {card} written (purchase {seq}, {volume} m³ on it).</source>
        <translation>新卡 {card} 已写好（第{seq}次购气，卡内 {volume} m³）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_actions.py" line="198"/>
        <source>The meter took the card&apos;s gas. </source>
        <translation>燃气表已读入卡内气量。</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="45"/>
        <source>Read card (Alt+D)</source>
        <translation>读卡（Alt+D）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="47"/>
        <source>Write card (Alt+W)</source>
        <translation>补写卡（Alt+W）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="49"/>
        <source>New card (Alt+K)</source>
        <translation>补卡（Alt+K）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="51"/>
        <source>Simulated: customer&apos;s card in (Alt+I)</source>
        <translation>模拟：插入客户的卡（Alt+I）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="53"/>
        <source>Simulated: card into the meter</source>
        <translation>模拟：卡插入燃气表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="55"/>
        <source>Simulated: blank card in</source>
        <translation>模拟：插入空白卡</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="103"/>
        <source> · simulated card reader</source>
        <translation> · 模拟读写卡器</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="105"/>
        <source>IC card</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="110"/>
        <source>IC card {card} · meter {meter} · purchases so far: {seq}</source>
        <translation>IC卡 {card} · 表号 {meter} · 累计购气 {seq} 次</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="117"/>
        <source>Meter {meter} has no card on record: issue one (Alt+K).</source>
        <translation>表 {meter} 没有登记的IC卡：请先发卡（Alt+K）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="126"/>
        <source>Paid, NOT written to the card: receipt {receipt}, {volume} m³ (purchase {seq}). Put the card in and press Alt+W: no new charge.</source>
        <translation>已收款、未写卡：收据 {receipt}，{volume} m³（第{seq}次购气）。请插卡后按 Alt+W 补写卡，不再收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="131"/>
        <source>New card {card} is recorded but NOT written: put a blank card in and press Alt+W.</source>
        <translation>新卡 {card} 已登记但未写卡：请插入空白卡后按 Alt+W。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="143"/>
        <source>In the reader: a blank card.</source>
        <translation>读卡器内：一张空白卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="144"/>
        <source>In the reader: card {card}, meter {meter}, purchase {seq}.</source>
        <translation>读卡器内：卡 {card}，表号 {meter}，第{seq}次购气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/card_panel.py" line="149"/>
        <source>It still holds {volume} m³ the meter has not taken: the customer inserts it into the meter first.</source>
        <translation>卡内尚有 {volume} m³ 未插表：请客户先将卡插入燃气表。</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="15"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="16"/>
        <source>What</source>
        <translation>变更项目</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="17"/>
        <source>Was</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="18"/>
        <source>Now</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="19"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="20"/>
        <source>Form</source>
        <translation>业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="21"/>
        <source>By</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="29"/>
        <source>account opened</source>
        <translation>开户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="30"/>
        <source>holder</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="31"/>
        <source>ID-card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="32"/>
        <source>phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="33"/>
        <source>supply address</source>
        <translation>用气地址</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="34"/>
        <source>user type</source>
        <translation>用户类别</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="35"/>
        <source>supply status</source>
        <translation>供气状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="36"/>
        <source>meter</source>
        <translation>燃气表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="37"/>
        <source>meter check</source>
        <translation>表具校验</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="38"/>
        <source>meter verified</source>
        <translation>表具检定</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="44"/>
        <source>supplied</source>
        <translation>正常供气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="45"/>
        <source>stopped (停气)</source>
        <translation>停气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="46"/>
        <source>closed (已销户)</source>
        <translation>已销户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="50"/>
        <source>residential</source>
        <translation>居民用户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/changes_model.py" line="51"/>
        <source>commercial</source>
        <translation>商业用户</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="44"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="45"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="46"/>
        <source>Level</source>
        <translation>处理层级</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="47"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="48"/>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="49"/>
        <source>Result due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="50"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="51"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="52"/>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="59"/>
        <source>&amp;Overdue only</source>
        <translation>仅显示超期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="65"/>
        <source>Why (for the history)</source>
        <translation>原因（记入处理记录）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="66"/>
        <source>&amp;Escalate</source>
        <translation>上报(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="71"/>
        <source>&amp;Uphold against staff (30 yuan compensation)</source>
        <translation>认定员工责任(&amp;U)（赔偿30元）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="98"/>
        <source>Reply overdue</source>
        <translation>答复超期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="100"/>
        <source>Result overdue</source>
        <translation>办结超期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="121"/>
        <source>est. {date}</source>
        <translation>预计 {date}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="153"/>
        <source>{n} overdue</source>
        <translation>{n}件超期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="153"/>
        <source>None overdue</source>
        <translation>无超期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="178"/>
        <source>{number} passed to: {level}</source>
        <translation>{number}已转交：{level}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/complaints.py" line="199"/>
        <source>{number} upheld; compensation {amount} yuan recorded.</source>
        <translation>{number}已认定员工责任，已登记赔偿{amount}元。</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="20"/>
        <source>{office} · counter {counter}</source>
        <translation>{office} · {counter}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="25"/>
        <source>Teller {badge} {name}</source>
        <translation>营业员 {badge} {name}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="42"/>
        <source>Hall not yet open</source>
        <translation>尚未营业</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="43"/>
        <source>Hall open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="44"/>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="45"/>
        <source>Hall closed</source>
        <translation>已下班</translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="54"/>
        <source>Account number, name, phone, meter or address (F6)</source>
        <translation>户号、姓名、电话、表号或地址（F6）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="59"/>
        <location filename="../../gasdesk/ui/customer_bar.py" line="265"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="67"/>
        <source>Next customer (F12)</source>
        <translation>下一位（F12）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="87"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="146"/>
        <source>No customer found for “{text}”.</source>
        <translation>未找到“{text}”对应的客户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="250"/>
        <source>⚠ Paid, NOT written to the IC card: receipt {receipt}, {volume} m³. Write it on the fee tab (Alt+W); never charge again.</source>
        <translation>⚠ 已收款、未写入IC卡：收据 {receipt}，{volume} m³。请在收费页补写卡（Alt+W），切勿再次收款。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="254"/>
        <source>⚠ New IC card {card} not written yet (fee tab, Alt+W).</source>
        <translation>⚠ 新IC卡 {card} 尚未写卡（收费页，Alt+W）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="269"/>
        <source>IC card</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="269"/>
        <source>mechanical</source>
        <translation>机械表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="270"/>
        <source>balance ¥{amount}</source>
        <translation>余额 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="271"/>
        <source>no meter</source>
        <translation>无在用燃气表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="293"/>
        <source>[Closed (已销户) since {day}]</source>
        <translation>【{day}已销户】</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="296"/>
        <source>[Supply stopped: {reason}, since {day}]</source>
        <translation>【停气：{reason}，{day}起】</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="87"/>
        <source>GasDesk — customer display</source>
        <translation>燃气营业厅柜台 — 客户显示屏</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="113"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="137"/>
        <source>Opening hours {hours} · Telephone {phone}</source>
        <translation>营业时间 {hours} · 服务电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="168"/>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="169"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="170"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="318"/>
        <source>Receipt number</source>
        <translation>票据号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="208"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="209"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="210"/>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="226"/>
        <source>May we ask why? (optional)</source>
        <translation>能告诉我们原因吗？（可选）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="230"/>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="231"/>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="232"/>
        <source>Handling of my business</source>
        <translation>业务办理</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="233"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="237"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="318"/>
        <source>Form number</source>
        <translation>业务单号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="376"/>
        <source>Please rate our service</source>
        <translation>请对我们的服务进行评价</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="379"/>
        <location filename="../../gasdesk/ui/customer_display.py" line="386"/>
        <location filename="../../gasdesk/ui/customer_display.py" line="409"/>
        <source>Your opinion matters to us</source>
        <translation>您的意见对我们很重要</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="384"/>
        <source>Please rate after your business is done.</source>
        <translation>请在业务办理完成后评价。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="388"/>
        <source>We are sorry. Thank you for telling us.</source>
        <translation>非常抱歉，感谢您的反馈。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="392"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_display.py" line="402"/>
        <source>Thank you, we will do better.</source>
        <translation>谢谢，我们会做得更好。</translation>
    </message>
</context>
<context>
    <name>DayEnd</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="29"/>
        <source>Over ¥{amount}</source>
        <translation>长款 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="33"/>
        <source>Short ¥{amount}</source>
        <translation>短款 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="36"/>
        <source>Even</source>
        <translation>平账</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="41"/>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="42"/>
        <source>Transactions</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="43"/>
        <source>Expected</source>
        <translation>应有金额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="44"/>
        <source>Counted</source>
        <translation>实点金额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="45"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="46"/>
        <source>Recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="77"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="79"/>
        <source>Needs a supervisor</source>
        <translation>需主管确认</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="91"/>
        <source>{n} without a reference</source>
        <translation>{n}笔无流水号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="97"/>
        <source>Reference used twice: {refs}</source>
        <translation>流水号重复使用：{refs}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="107"/>
        <location filename="../../gasdesk/ui/dayend/models.py" line="113"/>
        <location filename="../../gasdesk/ui/dayend/models.py" line="119"/>
        <location filename="../../gasdesk/ui/dayend/models.py" line="156"/>
        <location filename="../../gasdesk/ui/dayend/models.py" line="163"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="126"/>
        <source>Teller / office</source>
        <translation>营业员/营业室</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="127"/>
        <source>Consultations replied in term</source>
        <translation>咨询按期答复</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="128"/>
        <source>Complaints replied in term</source>
        <translation>投诉按期答复</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="129"/>
        <source>Reply rate</source>
        <translation>答复率</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="130"/>
        <source>Pending</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="131"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="132"/>
        <source>Average service time</source>
        <translation>平均服务时长</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="133"/>
        <source>Worst service time</source>
        <translation>最长服务时长</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="134"/>
        <source>Unit fine</source>
        <translation>单位罚款</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/models.py" line="135"/>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
</context>
<context>
    <name>DayEndTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="28"/>
        <source>My shift (Ctrl+1)</source>
        <translation>我的班次（Ctrl+1）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="29"/>
        <source>Close the day (Ctrl+2)</source>
        <translation>日结（Ctrl+2）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="30"/>
        <source>Service figures (Ctrl+3)</source>
        <translation>服务指标（Ctrl+3）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="31"/>
        <source>Prices (Ctrl+4)</source>
        <translation>气价（Ctrl+4）</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="44"/>
        <source>Business da&amp;te</source>
        <translation>营业日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="67"/>
        <source>Close the &amp;day…</source>
        <translation>日结(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="69"/>
        <source>Day &amp;report (A4)</source>
        <translation>营业日报(&amp;R)（A4）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="71"/>
        <source>&amp;Z slip (80 mm)</source>
        <translation>日结小票(&amp;Z)（80 mm）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="73"/>
        <source>E&amp;xport CSV…</source>
        <translation>导出CSV(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="119"/>
        <source>open</source>
        <translation>未交班</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="121"/>
        <source>closed {time}</source>
        <translation>已交班 {time}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="125"/>
        <source>counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="132"/>
        <source>Closed at {time} by {name} ({badge}): {n} payments, ¥{total}; receipts {first} to {last}; audit chain head {seq}.</source>
        <translation>{time}由{name}（{badge}）日结：共{n}笔收费，¥{total}；票据号{first}至{last}；审计链末条序号{seq}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="149"/>
        <source>Open: {n} payment(s) of this day belong to no shift ({receipts}); no drawer count saw their money, so the day cannot be closed.</source>
        <translation>未日结：本日有 {n} 笔收款不属于任何班次（{receipts}），其款项未经任何钱箱清点，不能日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="157"/>
        <source>Open: {n} shift(s) still open; close them before the day.</source>
        <translation>未日结：还有{n}个班次未交班，请先交班再日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="163"/>
        <source>Open: every shift is closed; a supervisor can close the day.</source>
        <translation>未日结：所有班次均已交班，可由主管进行日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="176"/>
        <source>Close the business day</source>
        <translation>营业日日结</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="178"/>
        <source>Close {date} for {office}? Afterwards no payment, void, form or count of that day can be recorded.</source>
        <translation>确定对{office} {date}进行日结吗？日结后，当日将不能再登记任何收费、冲正、业务单或清点。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="204"/>
        <source>The day {date} is closed.</source>
        <translation>{date}已日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="221"/>
        <source>Day report {date}</source>
        <translation>营业日报 {date}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="221"/>
        <source>Z slip {date}</source>
        <translation>日结小票 {date}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="223"/>
        <source>The day is not closed: this is a preview.</source>
        <translation>当日尚未日结，此为预览。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="235"/>
        <source>Export the day&apos;s transactions</source>
        <translation>导出当日交易</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="235"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/day_panel.py" line="247"/>
        <source>{n} transactions exported to {path}.</source>
        <translation>已导出{n}笔交易至 {path}。</translation>
    </message>
</context>
<context>
    <name>DemoBuildWindow</name>
    <message>
        <location filename="../../gasdesk/ui/first_start.py" line="28"/>
        <source>GasDesk</source>
        <translation>燃气营业厅柜台</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/first_start.py" line="31"/>
        <source>Creating the demo database (first start only)</source>
        <translation>正在创建演示数据库（仅首次启动）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/first_start.py" line="37"/>
        <source>{n} demo customers with two years of readings, bills and payments. This takes about half a minute; please wait.</source>
        <translation>{n} 户演示客户及两年的抄表、账单和收费记录，约需半分钟，请稍候。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/first_start.py" line="90"/>
        <source>{s} s</source>
        <translation>已用 {s} 秒</translation>
    </message>
</context>
<context>
    <name>DenominationForm</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/denominations.py" line="67"/>
        <source>{n} yuan</source>
        <translation>{n}元</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/denominations.py" line="69"/>
        <source>{n} jiao</source>
        <translation>{n}角</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/denominations.py" line="70"/>
        <source>{n} fen</source>
        <translation>{n}分</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/denominations.py" line="87"/>
        <source>Total: ¥{total}</source>
        <translation>合计：¥{total}</translation>
    </message>
</context>
<context>
    <name>DeviceCheckDialog</name>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="85"/>
        <source>Device check</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="91"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="91"/>
        <source>Set up as</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="91"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="91"/>
        <source>Where / why</source>
        <translation>位置／原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="106"/>
        <source>&amp;Check again</source>
        <translation>重新检测(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="109"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="119"/>
        <source>Devices are chosen in the counter&apos;s settings (devices/…, printing/…); a simulated device keeps its cards in a folder, for training and the demo.</source>
        <translation>设备在本柜台的设置中选择（devices/…、printing/…）；模拟设备把卡保存在文件夹中，用于培训和演示。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="134"/>
        <location filename="../../gasdesk/ui/device_check.py" line="198"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="136"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="137"/>
        <source>driver {name}</source>
        <translation>驱动 {name}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="144"/>
        <source>IC-card reader/writer</source>
        <translation>IC卡读写器</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="145"/>
        <source>Read the card (&amp;1)</source>
        <translation>读卡(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="147"/>
        <source>ID-card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="147"/>
        <source>Read (&amp;2)</source>
        <translation>读取(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="150"/>
        <source>Receipt printer</source>
        <translation>收据打印机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="151"/>
        <source>ESC/POS thermal printer</source>
        <translation>ESC/POS 热敏打印机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="151"/>
        <source>system printer driver</source>
        <translation>系统打印驱动</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="152"/>
        <source>Print a test slip (&amp;3)</source>
        <translation>打印测试单(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="157"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="157"/>
        <source>on the receipt printer</source>
        <translation>接在收据打印机上</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="158"/>
        <source>Open the drawer (&amp;4)</source>
        <translation>打开钱箱(&amp;4)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="197"/>
        <source>found</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="199"/>
        <source>missing</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="223"/>
        <source>The drawer was told to open.</source>
        <translation>已发出开钱箱指令。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="229"/>
        <source>Testing…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="238"/>
        <source>A blank card is in the reader.</source>
        <translation>读卡器内是一张空白卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="241"/>
        <source>Card {card} of meter {meter}: purchase {seq}, taken by the meter.</source>
        <translation>卡 {card}，表号 {meter}：第{seq}次购气，燃气表已读入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="244"/>
        <source>Card {card} of meter {meter}: purchase {seq}; {volume} m³ the meter has not taken.</source>
        <translation>卡 {card}，表号 {meter}：第{seq}次购气；尚有 {volume} m³ 未插表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="253"/>
        <source>ID card of {name}, number {number}.</source>
        <translation>{name} 的身份证，号码 {number}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="272"/>
        <location filename="../../gasdesk/ui/device_check.py" line="282"/>
        <source>The test slip was sent.</source>
        <translation>测试单已发送。</translation>
    </message>
</context>
<context>
    <name>DrawerBanner</name>
    <message>
        <location filename="../../gasdesk/ui/fees/drawer_banner.py" line="44"/>
        <source>Open shift… (Alt+O)</source>
        <translation>开班…（Alt+O）</translation>
    </message>
</context>
<context>
    <name>DueLinesModel</name>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="26"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="27"/>
        <source>Readings (m³)</source>
        <translation>起止读数（m³）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="28"/>
        <source>Volume (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="29"/>
        <source>Price (¥/m³)</source>
        <translation>单价（¥/m³）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="30"/>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="34"/>
        <source>Tier {tier}</source>
        <translation>第{tier}阶梯</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="36"/>
        <source>{tier} from {day}</source>
        <translation>{tier}（自{day}起）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="56"/>
        <source>meter {meter}</source>
        <translation>表号 {meter}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="60"/>
        <source>{open} (of {total})</source>
        <translation>{open}（共{total}）</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="58"/>
        <source>Find the customer in the customer bar (F6).</source>
        <translation>请在客户栏查找客户（F6）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="64"/>
        <source>{name} · account {number} · meter {meter}</source>
        <translation>{name} · 户号 {number} · 表号 {meter}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="72"/>
        <source>Prepaid balance ¥{amount}</source>
        <translation>预存余额 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="77"/>
        <source>Amount due: …</source>
        <translation>应收金额：…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="80"/>
        <source>Amount due: ¥{amount}</source>
        <translation>应收金额：¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="83"/>
        <source>Nothing is due</source>
        <translation>无应缴费用</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="89"/>
        <source>Enter the yuan or the m³ to buy</source>
        <translation>请输入购气金额（元）或气量（m³）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="92"/>
        <source>To pay: ¥{amount} for {volume} m³</source>
        <translation>应付：¥{amount}，购气 {volume} m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="97"/>
        <source>Gas used this year: {volume} m³</source>
        <translation>本年已用气：{volume} m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="102"/>
        <source>Enter the amount to prepay</source>
        <translation>请输入预存金额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/due_panel.py" line="105"/>
        <source>Prepay: ¥{amount}</source>
        <translation>预存：¥{amount}</translation>
    </message>
</context>
<context>
    <name>EffectPanel</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/effect_panel.py" line="54"/>
        <source>Supervisor badge:</source>
        <translation>主管工号：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/effect_panel.py" line="55"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/effect_panel.py" line="94"/>
        <source>{status} does this to the account: {effect}</source>
        <translation>转为“{status}”时将办理：{effect}</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="77"/>
        <source>These form files could not be loaded; the other forms work:</source>
        <translation>以下业务单文件无法加载，其他业务单可正常使用：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="92"/>
        <source>&amp;Submit (Ctrl+Enter)</source>
        <translation>提交(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="95"/>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="251"/>
        <source>Some fields need attention; nothing was saved.</source>
        <translation>部分内容需要修改，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="263"/>
        <source>Form {number} received. Give the customer the service phone {phone}.</source>
        <translation>业务单{number}已受理。请将服务电话{phone}告知客户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="267"/>
        <source>Estimated: reply due {reply}, result due {result}.</source>
        <translation>预计答复期限 {reply}，处理结果反馈期限 {result}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="269"/>
        <source>Reply due {reply}, result due {result}.</source>
        <translation>答复期限{reply}，办结期限{result}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/entry.py" line="276"/>
        <source>Visit booked: {slot}.</source>
        <translation>已预约上门：{slot}。</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="45"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="46"/>
        <source>At least {min} characters.</source>
        <translation>至少{min}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="47"/>
        <source>At most {max} characters.</source>
        <translation>最多{max}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="48"/>
        <source>Not in the expected form: {hint}.</source>
        <translation>格式不正确：{hint}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="49"/>
        <source>Pick one of the listed choices.</source>
        <translation>请从列出的选项中选择。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="51"/>
        <source>A mobile number has 11 digits starting 13-19; a landline is like 0533-6886656.</source>
        <translation>手机号为以13-19开头的11位数字；固定电话格式如0533-6886656。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="53"/>
        <source>An ID-card number has 18 characters.</source>
        <translation>身份证号为18位。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="54"/>
        <source>An ID-card number is 17 digits and a digit or X.</source>
        <translation>身份证号为17位数字加1位数字或X。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="56"/>
        <source>The birth date inside the ID-card number is not a real date.</source>
        <translation>身份证号中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="59"/>
        <source>The last character does not match: the number was mistyped.</source>
        <translation>校验位不符，号码输入有误。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="61"/>
        <source>A date like 2026-10-12.</source>
        <translation>日期格式如2026-10-12。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="62"/>
        <source>Pick a day and a time slot.</source>
        <translation>请选择日期和时段。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="63"/>
        <source>That time slot is not offered.</source>
        <translation>该时段不提供预约。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="64"/>
        <source>That day has passed.</source>
        <translation>该日期已过。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="65"/>
        <source>That slot has already ended today; pick a later one.</source>
        <translation>该时段今天已经过去，请选择更晚的时段。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="66"/>
        <source>That slot is already booked; pick another.</source>
        <translation>该时段已约满，请另选。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="67"/>
        <source>An account number is 4 to 16 digits.</source>
        <translation>户号为4至16位数字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="68"/>
        <source>No account has this number.</source>
        <translation>无此户号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="70"/>
        <source>Not the account of the customer being served ({customer}).</source>
        <translation>不是当前办理客户（用户编号{customer}）的账户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="73"/>
        <source>Not the holder of account {account}: it is held by {expected}.</source>
        <translation>与用户{account}的户主不符，户主为{expected}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="75"/>
        <source>Not the supply address of account {account}: {expected}.</source>
        <translation>与用户{account}的用气地址不符，应为：{expected}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="77"/>
        <source>Not the meter of account {account}: its meter is {expected}.</source>
        <translation>不是用户{account}的表，该户在用表号为{expected}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="80"/>
        <source>This meter was removed from account {account}; its meter now is {expected}.</source>
        <translation>该表已从用户{account}拆除，现在用表号为{expected}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="82"/>
        <source>Account {account} has no meter in service.</source>
        <translation>用户{account}没有在用的燃气表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="83"/>
        <source>An amount like 30 or 30.50 (yuan).</source>
        <translation>金额格式如30或30.50（元）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="84"/>
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（到分）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="85"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="86"/>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="87"/>
        <source>At least {min} yuan.</source>
        <translation>至少{min}元。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="88"/>
        <source>At most {max} yuan.</source>
        <translation>最多{max}元。</translation>
    </message>
</context>
<context>
    <name>FapiaoBox</name>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="19"/>
        <source>The customer wants a fapiao (&amp;I)</source>
        <translation>客户要开发票(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="29"/>
        <source>18 characters; empty for a private person</source>
        <translation>18位；个人可不填</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="32"/>
        <source>the e-fapiao is sent by text message</source>
        <translation>电子发票以短信发送</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="33"/>
        <source>or by e-mail</source>
        <translation>或以电子邮件发送</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="34"/>
        <source>Buyer&apos;s name</source>
        <translation>购买方名称</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="35"/>
        <source>Tax number (unified social credit code)</source>
        <translation>纳税人识别号（统一社会信用代码）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="36"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/fapiao_box.py" line="37"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
</context>
<context>
    <name>FeeLabels</name>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="10"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="11"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="12"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="13"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="14"/>
        <source>Prepaid balance</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="21"/>
        <source>Gas bill</source>
        <translation>气费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="22"/>
        <source>IC-card gas</source>
        <translation>IC卡购气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="23"/>
        <source>Prepayment</source>
        <translation>预存</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="24"/>
        <source>New IC card fee</source>
        <translation>补卡费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="25"/>
        <source>Void</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/labels.py" line="26"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <location filename="../../gasdesk/ui/fees/tab.py" line="235"/>
        <source>Bills of ¥{amount} are due ({n} bill(s)); a prepayment does not pay them. Settle them first (Alt+B), or go on with the prepayment.</source>
        <translation>该户有欠费 ¥{amount}（{n} 笔账单），预存不会抵缴欠费。可先缴清欠费（Alt+B），或继续预存。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tab.py" line="339"/>
        <source>short by ¥{amount}</source>
        <translation>还差 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tab.py" line="429"/>
        <source>Writes {volume} m³ onto IC card {card} (purchase {seq}).</source>
        <translation>写入IC卡 {card}：{volume} m³（第{seq}次购气）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tab.py" line="484"/>
        <source>Recorded as {code}, but its receipt could not be made: {reason} Print it from today&apos;s list (Ctrl+P) once this is fixed.</source>
        <translation>已记账，收据号 {code}，但收据未能生成：{reason} 故障排除后请在今日列表中补打（Ctrl+P）。</translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <location filename="../../gasdesk/ui/form_preview.py" line="49"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>FormsTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="60"/>
        <source>&amp;New form</source>
        <translation>新建业务单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="61"/>
        <source>Open &amp;forms</source>
        <translation>在办业务单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="62"/>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="108"/>
        <source>Com&amp;plaints</source>
        <translation>投诉(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="63"/>
        <source>Ou&amp;tages</source>
        <translation>停气通知(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="64"/>
        <source>&amp;Appointments</source>
        <translation>入户预约(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="65"/>
        <source>&amp;Return visits</source>
        <translation>回访(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="125"/>
        <source>Give the customer this copy and the service phone {phone}.</source>
        <translation>请将此回执交给客户，并告知服务电话{phone}。</translation>
    </message>
</context>
<context>
    <name>IdCardFill</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/id_fill.py" line="77"/>
        <source>This form takes no ID card.</source>
        <translation>此表单不读取身份证。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/id_fill.py" line="104"/>
        <source>The ID number read from the card ({number}) is not valid; check the card and type the number.</source>
        <translation>从身份证读出的号码（{number}）无效，请核对证件并手工输入号码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/id_fill.py" line="112"/>
        <source>Filled from the ID card of {name}: check it with the customer.</source>
        <translation>已按 {name} 的身份证填写，请与客户核对。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="182"/>
        <source>Locked at {time}.</source>
        <translation>{time}已锁屏。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="231"/>
        <source>Log out; a supervisor can unlock the badge.</source>
        <translation>请退出登录，主管可为该工号解锁。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="88"/>
        <source>Import customers or readings</source>
        <translation>导入客户档案或抄表读数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="100"/>
        <source>Customers (accounts and meters)</source>
        <translation>客户档案（户号与表具）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="101"/>
        <source>Meter readings</source>
        <translation>抄表读数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="102"/>
        <source>&amp;File holds</source>
        <translation>文件内容(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="106"/>
        <source>Choose file… (Ctrl+O)</source>
        <translation>选择文件…（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="109"/>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="114"/>
        <source>Import the good rows and leave out the refused ones</source>
        <translation>导入无误的行，跳过被拒的行</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="134"/>
        <source>First rows as they will be stored</source>
        <translation>前几行（按写入的样子）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="135"/>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="262"/>
        <source>Refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="140"/>
        <source>Import (Ctrl+Enter)</source>
        <translation>导入（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="143"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="173"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="173"/>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="220"/>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="235"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="260"/>
        <source>Refused ({n})</source>
        <translation>被拒（{n}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="266"/>
        <source>{rows} rows: {new} new, {unchanged} unchanged, {refused} refused.</source>
        <translation>共 {rows} 行：新增 {new}，未变 {unchanged}，被拒 {refused}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="283"/>
        <source>Nothing is imported while rows are refused: correct the file and choose it again, or tick the box to import the other rows.</source>
        <translation>有被拒的行时不导入任何内容：请改正文件后重新选择，或勾选上面的选项只导入其余的行。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="288"/>
        <source>Nothing is written until you import.</source>
        <translation>点“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="291"/>
        <source>Nothing new: the file is already in the database.</source>
        <translation>没有新内容：文件中的记录已全部在库中。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="301"/>
        <source>Imported as batch {batch}: </source>
        <translation>已导入，批次 {batch}：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/dialog.py" line="305"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>JobErrorNotice</name>
    <message>
        <location filename="../../gasdesk/ui/job_errors.py" line="35"/>
        <source>If this happens again, tell the supervisor.</source>
        <translation>如果再次出现，请告知主管。</translation>
    </message>
</context>
<context>
    <name>JoinCounterDialog</name>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="48"/>
        <source>GasDesk — this PC&apos;s counter</source>
        <translation>燃气营业厅柜台 — 本机窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="51"/>
        <source>The database has no counter {number} at office {office}. Choose the office and counter this PC stands at, and its receipt printer.</source>
        <translation>数据库中没有营业室 {office} 的 {number} 号窗口。请选择本机所在的营业室和窗口，以及收据打印机。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="56"/>
        <source>This PC has no counter yet. Choose the office and counter it stands at, and its receipt printer. Enter moves on; Esc quits.</source>
        <translation>本机尚未设定窗口。请选择本机所在的营业室和窗口，以及收据打印机。回车到下一项；Esc 退出。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="76"/>
        <source>Office</source>
        <translation>营业室</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="77"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="78"/>
        <source>Receipt printer</source>
        <translation>收据打印机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="80"/>
        <source>Use this counter (Enter)</source>
        <translation>使用此窗口（回车）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="83"/>
        <source>Quit (Esc)</source>
        <translation>退出（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="110"/>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/join_dialog.py" line="139"/>
        <source>Choose the office and counter.</source>
        <translation>请选择营业室和窗口。</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/kpi_panel.py" line="34"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/kpi_panel.py" line="35"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/kpi_panel.py" line="37"/>
        <source>&amp;Show figures</source>
        <translation>查看指标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/kpi_panel.py" line="39"/>
        <source>&amp;Period</source>
        <translation>统计周期(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/kpi_panel.py" line="55"/>
        <source>Targets of the service code: replies to consultations and complaints 100% within their term, satisfaction at least 99%. Each whole point of reply rate below 100% fines the unit ¥200; each complaint upheld against staff compensates the customer ¥30. Items still inside their term are pending and not counted yet. &quot;No data&quot; means nothing was recorded to measure.</source>
        <translation>服务规范目标：咨询和投诉按期答复率100%，满意度不低于99%。答复率每低于100%一个整百分点，对单位罚款¥200；每件认定员工责任的投诉，赔偿客户¥30。仍在期限内的事项为待答复，暂不计入。“无数据”表示没有可统计的记录。</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="68"/>
        <source>The day&apos;s transactions</source>
        <translation>营业日交易明细</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="69"/>
        <source>Receivables ledger of the month</source>
        <translation>本月应收台账</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="70"/>
        <source>Arrears list on the day</source>
        <translation>截至当日欠费清单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="71"/>
        <source>Fapiao requests of the day</source>
        <translation>当日开票申请</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="72"/>
        <source>Fapiao requests of the month</source>
        <translation>本月开票申请</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="76"/>
        <source>Ledger for head &amp;office</source>
        <translation>上报台账(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="78"/>
        <source>Export to &amp;Excel…</source>
        <translation>导出电子表格(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="89"/>
        <source>Export a ledger for head office</source>
        <translation>导出上报台账</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="89"/>
        <source>Excel files (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/ledger_export.py" line="104"/>
        <source>{ledger}: {n} rows exported to {path}.</source>
        <translation>{ledger}：已导出{n}行到{path}。</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="140"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="69"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="72"/>
        <source>{name} ({badge}) is logged in at this counter.</source>
        <translation>{name}（{badge}）已在本窗口登录。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="77"/>
        <source>Enter your password to continue.</source>
        <translation>请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="80"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/idle_lock.py" line="83"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="42"/>
        <source>GasDesk — log in</source>
        <translation>燃气营业厅柜台 — 登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="45"/>
        <source>GasDesk counter</source>
        <translation>燃气营业厅柜台</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="65"/>
        <source>e.g. MS01</source>
        <translation>例如 MS01</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="76"/>
        <source>Office</source>
        <translation>营业室</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="77"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="78"/>
        <source>Badge number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="79"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="81"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="86"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="89"/>
        <source>&amp;Unlock a badge…</source>
        <translation>主管解锁工号(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="113"/>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="124"/>
        <source>Choose the office and counter.</source>
        <translation>请选择营业室和窗口。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="179"/>
        <source>Badge {badge} is unlocked; log in with its password.</source>
        <translation>工号 {badge} 已解锁，请用该工号的密码登录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="44"/>
        <source>GasDesk — {office}, counter {counter}</source>
        <translation>燃气营业厅柜台 — {office} {counter}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="72"/>
        <source>Courtesy phrases</source>
        <translation>服务用语</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="91"/>
        <source>Business forms</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="92"/>
        <source>Fee collection</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="93"/>
        <source>Meter records</source>
        <translation>抄表查询</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="94"/>
        <source>End of day</source>
        <translation>日结对账</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="98"/>
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="99"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="114"/>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="115"/>
        <source>Next customer</source>
        <translation>下一位客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="116"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="123"/>
        <source>Device check…</source>
        <translation>设备检测…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="126"/>
        <source>Import customers or readings…</source>
        <translation>导入客户档案或抄表读数…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="128"/>
        <source>Lock the screen</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="129"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="130"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="131"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="132"/>
        <source>About GasDesk</source>
        <translation>关于 GasDesk</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="183"/>
        <source>⚠ {n} overdue</source>
        <translation>⚠ {n}件超期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="190"/>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时切换。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="46"/>
        <source>Badge {badge} is locked until {until} after {count} wrong passwords. Wait, or ask a supervisor to unlock it.</source>
        <translation>工号{badge}因密码错误{count}次已锁定至{until}。请稍后再试，或请主管解锁。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="124"/>
        <source>Badge number or password is wrong. One more wrong password will lock the badge.</source>
        <translation>工号或密码错误。再错1次将锁定该工号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="131"/>
        <source>Badge number or password is wrong. Two more wrong passwords will lock the badge.</source>
        <translation>工号或密码错误。再错2次将锁定该工号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="147"/>
        <source>Enter your badge number and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="163"/>
        <source>This badge is no longer active.</source>
        <translation>该工号已停用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="205"/>
        <source>{name} ({badge}) is not a supervisor of this office; a supervisor must confirm this.</source>
        <translation>{name}（{badge}）不是本营业室的主管，此操作需由主管确认。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="238"/>
        <source>Badge {badge} belongs to another office; a supervisor there can unlock it.</source>
        <translation>工号 {badge} 属于其他营业室，请由该营业室的主管解锁。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="254"/>
        <location filename="../../gasdesk/services/users.py" line="27"/>
        <source>There is no badge {badge}.</source>
        <translation>工号{badge}不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="136"/>
        <source>Badge number or password is wrong.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="76"/>
        <source>The disk holding the database is full. Nothing was recorded; free space and try again.</source>
        <translation>数据库所在磁盘已满，未记录任何内容，请清理空间后重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="80"/>
        <source>The database is read-only. Nothing was recorded; ask the administrator.</source>
        <translation>数据库为只读，未记录任何内容，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="83"/>
        <source>The database is busy with another counter. Nothing was recorded; try again.</source>
        <translation>数据库正被其他窗口占用，未记录任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="86"/>
        <source>Another counter changed the same records at the same moment. Nothing was recorded; try again.</source>
        <translation>其他窗口同时修改了相同记录，未记录任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="91"/>
        <source>The disk reported an error. Nothing was recorded; try again or call the administrator.</source>
        <translation>磁盘报告错误，未记录任何内容，请重试或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="95"/>
        <source>The disk or folder holding the database can no longer be reached (removed or failed). Nothing was recorded; call the administrator.</source>
        <translation>无法访问数据库所在的磁盘或文件夹（已被移除或发生故障），未记录任何内容，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="100"/>
        <source>The database file is damaged. Nothing was recorded; call the administrator.</source>
        <translation>数据库文件已损坏，未记录任何内容，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="103"/>
        <source>The connection to the shared database was lost. Nothing was recorded; try again.</source>
        <translation>与共享数据库的连接已断开，未记录任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="107"/>
        <source>Payments, receipts and audit records cannot be changed or deleted; record a correction instead. Nothing was recorded.</source>
        <translation>收费、收据和审计记录不能修改或删除，请改为登记更正记录。未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="113"/>
        <source>The database refused the change ({error}). Nothing was recorded.</source>
        <translation>数据库拒绝了此次修改（{error}），未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/messages.py" line="44"/>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/cash.py" line="64"/>
        <location filename="../../gasdesk/domain/cash.py" line="107"/>
        <source>A count is a whole number of notes or coins, not &apos;{text}&apos;.</source>
        <translation>清点数量应为纸币或硬币的整数张（枚）数，“{text}”无效。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/cash.py" line="72"/>
        <source>{value} pieces of one value is more than a drawer holds.</source>
        <translation>同一面额{value}张（枚）超出钱箱容量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/cash.py" line="99"/>
        <source>{value} fen is not a denomination that is counted.</source>
        <translation>{value}分不是需要清点的面额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/methods.py" line="46"/>
        <location filename="../../gasdesk/services/payment_request.py" line="64"/>
        <source>Unknown payment method &apos;{method}&apos;.</source>
        <translation>未知的支付方式“{method}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/methods.py" line="54"/>
        <source>Enter the transaction reference number of the {method} payment.</source>
        <translation>请输入{method}的交易流水号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/methods.py" line="62"/>
        <source>The reference &apos;{reference}&apos; is not valid: 4 to 64 letters and digits.</source>
        <translation>流水号“{reference}”无效：应为4至64位字母和数字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="69"/>
        <location filename="../../gasdesk/domain/money.py" line="79"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="82"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="86"/>
        <source>&apos;{text}&apos; is not an amount.</source>
        <translation>“{text}”不是有效金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="91"/>
        <source>Type the amount in plain digits, without an exponent (&apos;{text}&apos;).</source>
        <translation>请用普通数字输入金额，不要使用指数形式（“{text}”）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="102"/>
        <source>&apos;{text}&apos; is ambiguous: type it without thousands separators, e.g. 1234.50.</source>
        <translation>“{text}”有歧义：请不要使用千位分隔符，如1234.50。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="112"/>
        <source>&apos;{text}&apos; is not an amount; type digits such as 128.50.</source>
        <translation>“{text}”不是有效金额，请输入数字，如128.50。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="119"/>
        <source>&apos;{text}&apos; has more than {places} decimals.</source>
        <translation>“{text}”的小数超过{places}位。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="125"/>
        <source>&apos;{text}&apos; is far too large.</source>
        <translation>“{text}”过大。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="51"/>
        <location filename="../../gasdesk/domain/money.py" line="162"/>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/money.py" line="141"/>
        <source>{amount} yuan is above the limit of {limit} yuan for one entry; check the amount.</source>
        <translation>{amount}元超过单笔上限{limit}元，请核对金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/outages.py" line="93"/>
        <source>Name the street or road (at least 2 characters).</source>
        <translation>请填写街道或道路名称（至少2个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/outages.py" line="95"/>
        <source>Give the first building of the range.</source>
        <translation>请填写起始楼号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/outages.py" line="99"/>
        <source>The building range must run from a lower to a higher number.</source>
        <translation>楼号范围应从小到大。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="105"/>
        <source>Phrase {where}: the text has a stray brace.</source>
        <translation>服务用语{where}：文本中有多余的花括号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="117"/>
        <source>Phrase {where}: unknown placeholder {name} (known: {known}).</source>
        <translation>服务用语{where}：未知占位符{name}（可用：{known}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="128"/>
        <source>Phrase {where}: placeholder {name} must not carry a format.</source>
        <translation>服务用语{where}：占位符{name}不能带格式说明。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="150"/>
        <source>Phrase {where} is not a table.</source>
        <translation>服务用语{where}不是表（table）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="161"/>
        <source>Phrase {where}: missing or malformed id (lower_snake_case).</source>
        <translation>服务用语{where}：id缺失或格式错误（应为lower_snake_case）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="169"/>
        <source>Phrase {where}: duplicate id, already used by phrase #{other}.</source>
        <translation>服务用语{where}：id重复，已被第{other}条服务用语使用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="177"/>
        <source>Phrase {where}: unknown field &apos;{field}&apos;.</source>
        <translation>服务用语{where}：未知字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="181"/>
        <source>Phrase {where}: group must be one of {choices}.</source>
        <translation>服务用语{where}：group必须是{choices}之一。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="186"/>
        <source>Phrase {where}: missing text.</source>
        <translation>服务用语{where}：缺少文本（text）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="191"/>
        <source>Phrase {where}: missing English gloss.</source>
        <translation>服务用语{where}：缺少英文释义（gloss）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="194"/>
        <source>Phrase {where}: missing moment tags (moments = [...]).</source>
        <translation>服务用语{where}：缺少场景标签（moments = [...]）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="198"/>
        <source>Phrase {where}: unknown moment &apos;{moment}&apos;.</source>
        <translation>服务用语{where}：未知场景“{moment}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="203"/>
        <source>Phrase {where}: alternatives must be a list of texts.</source>
        <translation>服务用语{where}：alternatives必须是文本列表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="209"/>
        <source>Phrase {where}: number must be a positive whole number.</source>
        <translation>服务用语{where}：number必须是正整数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="214"/>
        <source>Phrase {where}: when must be one of {choices}.</source>
        <translation>服务用语{where}：when必须是{choices}之一。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="236"/>
        <source>The file has no [[phrase]] entries.</source>
        <translation>文件中没有[[phrase]]条目。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="251"/>
        <source>No phrase for the moment &apos;{moment}&apos; when {case}.</source>
        <translation>场景“{moment}”在{case}时没有对应的服务用语。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="265"/>
        <source>No phrase for the moment &apos;{moment}&apos;.</source>
        <translation>场景“{moment}”没有对应的服务用语。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="294"/>
        <source>{file}: the file does not exist.</source>
        <translation>{file}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="298"/>
        <source>{file}: cannot be read ({error}).</source>
        <translation>{file}：无法读取（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="303"/>
        <source>{file}: not valid TOML ({error}).</source>
        <translation>{file}：不是有效的TOML（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/phrases.py" line="306"/>
        <source>{file}: not UTF-8 text.</source>
        <translation>{file}：不是UTF-8文本。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readback.py" line="71"/>
        <location filename="../../gasdesk/services/payments.py" line="190"/>
        <source>There is nothing to collect.</source>
        <translation>没有需要收取的费用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readback.py" line="78"/>
        <source>Enter the cash the customer hands over.</source>
        <translation>请输入客户交付的现金。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readback.py" line="83"/>
        <source>The cash tendered ({tendered}) is less than the amount due ({due}).</source>
        <translation>实收现金（{tendered}）少于应收金额（{due}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/service_quality.py" line="30"/>
        <source>A rating is one of {choices}, not &apos;{value}&apos;.</source>
        <translation>评价应为{choices}之一，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/service_quality.py" line="40"/>
        <source>A rating reason is one of {choices}, not &apos;{value}&apos;.</source>
        <translation>评价原因应为{choices}之一，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/service_timing.py" line="40"/>
        <source>{setting} must be a whole number of seconds from {low} to {high}, not &apos;{value}&apos;.</source>
        <translation>{setting}必须是{low}至{high}之间的整数秒，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="93"/>
        <source>The tariff &apos;{name}&apos; has no tiers.</source>
        <translation>气价“{name}”没有设置阶梯。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="100"/>
        <source>Only the last tier of &apos;{name}&apos; may be open-ended.</source>
        <translation>气价“{name}”只有最后一个阶梯可以不设上限。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="107"/>
        <source>The tier bounds of &apos;{name}&apos; must increase.</source>
        <translation>气价“{name}”的阶梯分界必须递增。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="113"/>
        <source>The tariff &apos;{name}&apos; has a negative price.</source>
        <translation>气价“{name}”存在负单价。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="120"/>
        <source>The household rule of &apos;{name}&apos; needs at least one person and no negative volume.</source>
        <translation>气价“{name}”的家庭人口规则至少要有1人，增加气量不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="201"/>
        <source>No tariff is in force on {day}; a supervisor must enter one.</source>
        <translation>{day}无生效气价，需由主管录入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="330"/>
        <source>The tariff &apos;{name}&apos; has a zero price.</source>
        <translation>气价“{name}”存在零单价。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="345"/>
        <source>{amount} fen does not buy {step} litres of gas.</source>
        <translation>{amount}分不足以购买{step}升燃气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="353"/>
        <source>At this tariff no whole number of litres costs exactly {amount} yuan; {nearest} yuan buys {volume} m³.</source>
        <translation>按现行气价，没有整升气量恰好值 {amount} 元；{nearest} 元可购 {volume} 立方米。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="42"/>
        <source>&apos;{value}&apos; is not a whole number of fen.</source>
        <translation>“{value}”不是以分计的整数金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="68"/>
        <source>{amount} yuan is more than one payment or total can hold (at most {limit} yuan); check the figures.</source>
        <translation>{amount}元超出单笔金额或合计的上限（最多{limit}元），请核对数字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="105"/>
        <source>&apos;{value}&apos; is not a whole number of litres.</source>
        <translation>“{value}”不是以升计的整数气量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="376"/>
        <source>The volume must be more than zero.</source>
        <translation>气量必须大于零。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff.py" line="381"/>
        <source>{amount} m³ is above the limit of {limit} m³ for one purchase; check the volume.</source>
        <translation>{amount} m³超过单次购气上限{limit} m³，请核对气量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="115"/>
        <source>The prepaid balance of account {number} cannot exceed {limit} yuan; nothing was recorded.</source>
        <translation>户号{number}的预存余额不能超过{limit}元，本次未作记录。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/appointments.py" line="81"/>
        <source>This appointment was cancelled.</source>
        <translation>该预约已取消。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/appointments.py" line="83"/>
        <source>The visit was already recorded.</source>
        <translation>该次上门已登记。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/appointments.py" line="88"/>
        <source>The slot {slot} is no longer offered; ask a supervisor.</source>
        <translation>时段{slot}已不再提供，请咨询主管。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/appointments.py" line="108"/>
        <source>This appointment was already cancelled.</source>
        <translation>该预约此前已取消。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/appointments.py" line="112"/>
        <source>The visit has taken place; it cannot be cancelled.</source>
        <translation>已上门服务，不能取消。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/billing.py" line="179"/>
        <source>Meter {meter}: the reading of {day} ({value} m³) is lower than the one before ({prev} m³). Correct the reading before collecting.</source>
        <translation>表号{meter}：{day}的读数（{value} m³）低于上次读数（{prev} m³）。请先更正读数再收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/billing.py" line="242"/>
        <source>No tariff is set up for {user_type} accounts.</source>
        <translation>未设置{user_type}用户的气价。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/billing.py" line="252"/>
        <location filename="../../gasdesk/services/households.py" line="47"/>
        <location filename="../../gasdesk/services/payments.py" line="163"/>
        <location filename="../../gasdesk/services/purchases.py" line="43"/>
        <location filename="../../gasdesk/services/statement.py" line="39"/>
        <source>The account no longer exists.</source>
        <translation>该户已不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="90"/>
        <location filename="../../gasdesk/services/complaints.py" line="102"/>
        <location filename="../../gasdesk/services/complaints.py" line="157"/>
        <source>This form is not a complaint.</source>
        <translation>该业务单不是投诉。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="106"/>
        <source>The complaint is closed.</source>
        <translation>该投诉已办结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="110"/>
        <source>The complaint is already with the municipal public utilities bureau.</source>
        <translation>该投诉已转交市公用事业局。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="151"/>
        <source>Only a supervisor can uphold a complaint against staff.</source>
        <translation>只有主管才能认定投诉的员工责任。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="161"/>
        <source>This complaint was already upheld; the compensation is recorded once.</source>
        <translation>该投诉已认定员工责任，赔偿只登记一次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/complaints.py" line="169"/>
        <source>Choose the member of staff the complaint is upheld against.</source>
        <translation>请选择被认定责任的员工。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/day_close.py" line="122"/>
        <location filename="../../gasdesk/services/day_close.py" line="139"/>
        <source>The business day {date} is already closed.</source>
        <translation>营业日{date}已日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/day_close.py" line="129"/>
        <source>The database failed its integrity check ({problem}); the day was not closed. Call the administrator.</source>
        <translation>数据库完整性检查未通过（{problem}），未能日结。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/day_close.py" line="157"/>
        <source>The shift of {badge} at counter {counter} is still open; every shift must be closed before the day.</source>
        <translation>{badge}在{counter}号窗口的班次尚未交班；日结前所有班次必须交班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/day_close.py" line="168"/>
        <source>{n} payments of {date} belong to no shift ({receipts}); no drawer count saw their money, so the day cannot be closed.</source>
        <translation>{date} 有 {n} 笔收款不属于任何班次（{receipts}），其款项未经任何钱箱清点，不能日结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/xlsx.py" line="124"/>
        <location filename="../../gasdesk/services/day_export.py" line="101"/>
        <source>{path} is the counter&apos;s own database; choose another name for the export.</source>
        <translation>{path}是本柜台的数据库，请为导出文件另选名称。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/xlsx.py" line="143"/>
        <location filename="../../gasdesk/services/day_export.py" line="118"/>
        <source>The file {path} cannot be written: {error}.</source>
        <translation>无法写入文件{path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/dayend_guard.py" line="22"/>
        <source>The business day {date} is closed; nothing of it can be changed.</source>
        <translation>营业日{date}已日结，当日内容不能再修改。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/forms.py" line="327"/>
        <source>Complaint {number} belongs to another office; its own staff handle it.</source>
        <translation>投诉{number}属于其他营业室，应由该营业室人员处理。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/forms.py" line="340"/>
        <source>The business day {day} is closed; no form can be recorded for it.</source>
        <translation>营业日{day}已日结，不能再为该日登记业务单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="165"/>
        <location filename="../../gasdesk/services/form_completion.py" line="279"/>
        <location filename="../../gasdesk/services/form_completion.py" line="297"/>
        <source>The form no longer exists.</source>
        <translation>该业务单已不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="188"/>
        <source>{name} ({badge}) is doing this business and cannot also authorise it; another supervisor must.</source>
        <translation>{name}（{badge}）正在办理此业务，不能同时授权，请由另一位主管授权。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="287"/>
        <source>This business moves money: do it at a counter, on your shift.</source>
        <translation>此业务涉及款项，请在窗口当班时办理。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="302"/>
        <source>Form {number} is already closed.</source>
        <translation>业务单{number}已办结。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="307"/>
        <source>Record the return visit (outcome and satisfaction) to mark this form followed up.</source>
        <translation>请先登记回访（结果和满意度），再将该业务单标记为已回访。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="318"/>
        <source>Form {number} was changed at another counter; look at it again.</source>
        <translation>业务单{number}已在其他窗口变动，请重新查看。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/outages.py" line="88"/>
        <source>The expected restoration must come after the start.</source>
        <translation>预计复气时间必须晚于停气开始时间。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/outages.py" line="92"/>
        <source>The expected restoration has already passed.</source>
        <translation>预计复气时间已过。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/outages.py" line="130"/>
        <source>This outage notice was already withdrawn.</source>
        <translation>该停气通知已撤销。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="87"/>
        <source>This payment form was already used; open it again.</source>
        <translation>该收费单已使用，请重新打开。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payment_request.py" line="53"/>
        <source>Unknown payment kind &apos;{kind}&apos;.</source>
        <translation>未知的收费类型“{kind}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payment_request.py" line="59"/>
        <source>The prepaid balance pays bills only.</source>
        <translation>预存余额只能用于缴纳气费账单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payment_request.py" line="69"/>
        <source>Enter the gas to load on the card.</source>
        <translation>请输入写卡气量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="92"/>
        <source>This payment form was already used for receipt {receipt} ({amount} yuan, account {account}); this request differs from it and was not recorded. Open the payment form again.</source>
        <translation>此收费单已用于票据{receipt}（{amount}元，户号{account}）；本次请求与其不同，未作记录。请重新打开收费单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="108"/>
        <source>The amount due is now {now} yuan, not {was}; check it with the customer again.</source>
        <translation>应收金额已变为{now}元（原为{was}元），请与客户重新核对。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="141"/>
        <source>The transaction reference {reference} is already recorded on receipt {receipt} (account {account}, {day}); one transaction pays only once.</source>
        <translation>交易参考号 {reference} 已记录在收据 {receipt}（户号 {account}，{day}）上；一笔交易只能缴费一次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="170"/>
        <source>The business day {day} is closed; no payment can be taken for it.</source>
        <translation>营业日{day}已日结，不能再收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_state.py" line="15"/>
        <source>Account {number} is closed (已销户); it takes no payments.</source>
        <translation>户号{number}已销户，不能再收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_state.py" line="18"/>
        <source>Account {number} is closed (已销户); no reading is recorded for it.</source>
        <translation>户号{number}已销户，不再登记抄表读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_state.py" line="21"/>
        <source>The gas supply of account {number} is stopped ({reason}, since {day}); it cannot buy gas or prepay until the supply is restored (复气). Bills can still be paid.</source>
        <translation>户号{number}已停气（{reason}，{day}起），办理复气前不能购气或预存；欠费仍可缴纳。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_state.py" line="49"/>
        <source>Account {number} is {status}; it cannot buy gas or prepay.</source>
        <translation>户号{number}状态为{status}，不能购气或预存。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/payments.py" line="198"/>
        <location filename="../../gasdesk/services/payments.py" line="251"/>
        <source>The prepaid balance does not cover the amount due.</source>
        <translation>预存余额不足以支付应收金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/card_replace.py" line="88"/>
        <location filename="../../gasdesk/services/cards.py" line="225"/>
        <location filename="../../gasdesk/services/purchases.py" line="50"/>
        <source>Account {number} has no IC-card meter; it pays bills instead.</source>
        <translation>户号{number}不是IC卡表用户，请按账单缴费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/card_replace.py" line="97"/>
        <location filename="../../gasdesk/services/cards.py" line="195"/>
        <source>The new card {card} is not written yet; write it first (write card, Alt+W).</source>
        <translation>新卡 {card} 尚未写卡，请先写卡（补写卡，Alt+W）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/card_replace.py" line="109"/>
        <source>A new card costs ¥{fee} now; open the new-card form again.</source>
        <translation>现在补卡费为 ¥{fee}，请重新打开补卡表单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/limits.py" line="92"/>
        <source>A terminal total cannot be negative.</source>
        <translation>终端合计不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/return_visits.py" line="58"/>
        <source>Choose how satisfied the customer is.</source>
        <translation>请选择客户满意度。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/return_visits.py" line="62"/>
        <source>Write down what the customer said (at least 2 characters).</source>
        <translation>请记录客户意见（至少2个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/return_visits.py" line="70"/>
        <source>This return visit was already recorded.</source>
        <translation>该回访已登记。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/return_visits.py" line="77"/>
        <source>The form is not waiting for a return visit.</source>
        <translation>该业务单不在待回访状态。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="24"/>
        <source>Count the drawer first.</source>
        <translation>请先清点钱箱。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="27"/>
        <source>Payments or cash movements were recorded after the count; count the drawer again.</source>
        <translation>清点后又有收费或现金存取记录，请重新清点钱箱。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="49"/>
        <source>Give the reason for the difference.</source>
        <translation>请填写差额原因。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="221"/>
        <source>The reason is too long (at most {n} characters).</source>
        <translation>原因过长（最多{n}个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="56"/>
        <source>There is no difference to record for this method.</source>
        <translation>该支付方式没有需要登记的差额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="59"/>
        <source>This difference is already recorded.</source>
        <translation>该差额已登记。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="63"/>
        <source>A difference must be approved by another supervisor.</source>
        <translation>差额须由另一位主管确认。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="71"/>
        <source>The drawer was counted again; look at the new count.</source>
        <translation>钱箱已重新清点，请查看新的清点结果。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shift_close.py" line="111"/>
        <source>Record the difference with a supervisor before closing the shift.</source>
        <translation>交班前请与主管一起登记差额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="67"/>
        <location filename="../../gasdesk/services/shifts.py" line="231"/>
        <source>That shift does not exist.</source>
        <translation>该班次不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="107"/>
        <source>You have no open shift at counter {counter}: open one (count the float) before taking or handing back money.</source>
        <translation>您在 {counter} 号窗口没有已开的班次：收付款前请先开班（清点备用金）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="117"/>
        <source>Your open shift is at counter {other}; money at counter {counter} must belong to a shift at this counter.</source>
        <translation>您已开的班次在 {other} 号窗口；{counter} 号窗口的收付款必须属于本窗口的班次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="128"/>
        <source>Your open shift is of {date}; count and close it, then open a shift for {today}.</source>
        <translation>您已开的班次是 {date} 的；请清点结班后，再开 {today} 的班次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="169"/>
        <source>You already have an open shift (counter {counter}, {date}); close it first.</source>
        <translation>您已有未交班的班次（{counter}号窗口，{date}），请先交班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="179"/>
        <source>Counter {counter} already has an open shift ({badge}).</source>
        <translation>{counter}号窗口已有未交班的班次（{badge}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="255"/>
        <source>Give a reason for the cash paid in or out.</source>
        <translation>请填写现金存入或取出的原因。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="233"/>
        <source>This shift is already closed.</source>
        <translation>该班次已交班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="235"/>
        <source>This shift belongs to another teller.</source>
        <translation>该班次属于其他营业员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/shifts.py" line="263"/>
        <source>The drawer does not hold that much cash; nothing was paid out.</source>
        <translation>钱箱现金不足，未取出。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/statement.py" line="32"/>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/statement.py" line="35"/>
        <source>A statement covers at most ten years.</source>
        <translation>对账单最长可覆盖十年。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="34"/>
        <source>A badge number is 2 to 16 letters A-Z or digits, e.g. MS03.</source>
        <translation>工号为2至16位字母A-Z或数字，如MS03。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="44"/>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要{n}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="49"/>
        <source>The password may have at most {n} characters.</source>
        <translation>密码最多{n}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="54"/>
        <source>The password may not begin or end with a space.</source>
        <translation>密码首尾不能是空格。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="58"/>
        <source>The password may not contain control characters.</source>
        <translation>密码不能包含控制字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="71"/>
        <source>Enter the person&apos;s name (at most 40 characters).</source>
        <translation>请输入姓名（最多40个字符）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="75"/>
        <source>The role is one of: {roles}.</source>
        <translation>角色须为以下之一：{roles}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_ledger.py" line="30"/>
        <source>{ledger}: {n} rows written to {path}.</source>
        <translation>{ledger}：已写入{n}行到{path}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_ledger.py" line="80"/>
        <location filename="../../gasdesk/services/users.py" line="86"/>
        <source>There is no office &apos;{code}&apos;; the offices are {codes}.</source>
        <translation>不存在营业室“{code}”；现有营业室为{codes}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/users.py" line="94"/>
        <source>Badge {badge} exists already; use &apos;user reset&apos; to change its password.</source>
        <translation>工号{badge}已存在；如需修改密码，请使用“user reset”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/form_completion.py" line="181"/>
        <location filename="../../gasdesk/services/voids.py" line="53"/>
        <source>A supervisor must enter a badge number and password.</source>
        <translation>须由主管输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="73"/>
        <location filename="../../gasdesk/services/voids.py" line="182"/>
        <source>That payment does not exist.</source>
        <translation>该笔收费不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="77"/>
        <source>A void cannot itself be voided.</source>
        <translation>冲正记录本身不能再冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="82"/>
        <source>A refund cannot be voided: the cash was paid out and the account closed.</source>
        <translation>退款不能冲正：现金已付出，账户已销户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="89"/>
        <source>This payment has already been voided.</source>
        <translation>该笔收费已冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="94"/>
        <source>Only today&apos;s payments can be voided; this one is from {day}.</source>
        <translation>只能冲正当日收费；该笔收费日期为{day}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="102"/>
        <source>The business day {day} is closed; its payments cannot be voided.</source>
        <translation>营业日{day}已日结，其收费不能冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="110"/>
        <source>This purchase is already written onto the customer&apos;s IC card; its gas cannot be taken back at the counter, so it cannot be voided.</source>
        <translation>该笔购气已写入客户的IC卡，柜台无法收回气量，因此不能冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="119"/>
        <source>A supervisor of the payment&apos;s own office must authorise the void.</source>
        <translation>冲正须由该笔收费所属营业室的主管授权。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="126"/>
        <source>{name} ({badge}) took this payment or is voiding it, and cannot also approve the void; another supervisor must.</source>
        <translation>{name}（{badge}）是该笔收费的经办人或本次冲正的操作人，不能自己审批冲正，须由另一位主管审批。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="150"/>
        <source>This void form was already used for receipt {receipt}; this request differs from it and was not recorded. Open the void form again.</source>
        <translation>此冲正单已用于票据{receipt}；本次请求与其不同，未作记录。请重新打开冲正单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="178"/>
        <source>Enter the reason for the void.</source>
        <translation>请输入冲正原因。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="200"/>
        <source>The drawer of your shift does not hold the {amount} yuan to hand back; nothing was voided.</source>
        <translation>您班次的钱箱中不足 {amount} 元可退还；未冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/voids.py" line="216"/>
        <source>The prepaid money has already been used; it cannot be voided.</source>
        <translation>预存款已被使用，不能冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="45"/>
        <source>The backup could not be written to {folder}: the disk is full. Nothing was left behind; free space and back up again.</source>
        <translation>无法将备份写入{folder}：磁盘已满。未留下任何不完整的文件，请清理空间后重新备份。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="50"/>
        <source>The backup could not be written to {folder}: the folder or its disk is read-only.</source>
        <translation>无法将备份写入{folder}：该文件夹或其所在磁盘为只读。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="54"/>
        <source>The backup could not be written to {folder}: the disk reported a read or write error. Nothing was left behind.</source>
        <translation>无法将备份写入{folder}：磁盘报告读写错误。未留下任何不完整的文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="59"/>
        <source>The backup could not be written to {folder}: the folder or its disk can no longer be reached.</source>
        <translation>无法将备份写入{folder}：无法访问该文件夹或其所在磁盘。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="66"/>
        <source>Nothing was restored: the disk of {folder} is full. The database is as it was; free space and restore again.</source>
        <translation>未恢复任何内容：{folder}所在磁盘已满。数据库保持原样，请清理空间后重新恢复。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="71"/>
        <source>Nothing was restored: {folder} is read-only. The database is as it was.</source>
        <translation>未恢复任何内容：{folder}为只读。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="74"/>
        <source>Nothing was restored: the disk of {folder} reported a read or write error. The database is as it was.</source>
        <translation>未恢复任何内容：{folder}所在磁盘报告读写错误。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="79"/>
        <source>Nothing was restored: {folder} can no longer be reached. The database is as it was.</source>
        <translation>未恢复任何内容：无法访问{folder}。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="105"/>
        <source>Nothing was restored: {folder} cannot be written ({error}). The database is as it was.</source>
        <translation>未恢复任何内容：无法写入{folder}（{error}）。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="158"/>
        <source>The shared PostgreSQL database is backed up on its server (pg_dump), not from a counter.</source>
        <translation>共享PostgreSQL数据库应在其服务器上备份（pg_dump），不能在窗口端备份。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="202"/>
        <source>{file} cannot be read as a GasDesk database ({error}).</source>
        <translation>{file}无法作为燃气营业厅柜台数据库读取（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="259"/>
        <source>The backup folder {folder} cannot be created ({error}).</source>
        <translation>无法创建备份文件夹{folder}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="280"/>
        <source>No backup was taken: the database {path} can no longer be reached (its disk was removed or failed). Call the administrator.</source>
        <translation>未能备份：无法访问数据库{path}（其所在磁盘已被移除或发生故障），请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="290"/>
        <source>The backup could not be written to {folder} ({error}).</source>
        <translation>无法将备份写入{folder}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="304"/>
        <source>The backup did not check out and was set aside as {file}: {problem}</source>
        <translation>备份校验未通过，已另存为{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="339"/>
        <source>{file} is in use: close GasDesk on every counter that uses it, then restore.</source>
        <translation>{file}正在使用中：请在所有使用它的窗口上关闭燃气营业厅柜台程序，然后再恢复。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_admin.py" line="243"/>
        <location filename="../../gasdesk/storage/backup.py" line="353"/>
        <source>There is no backup file {file}.</source>
        <translation>备份文件{file}不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="357"/>
        <source>A database cannot be restored from itself.</source>
        <translation>不能用数据库自身进行恢复。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/backup.py" line="362"/>
        <source>The backup {file} does not check out: {problem}</source>
        <translation>备份{file}校验未通过：{problem}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="163"/>
        <source>{path} is not a file.</source>
        <translation>{path}不是文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="173"/>
        <source>{path} cannot be read: permission denied.</source>
        <translation>无法读取{path}：没有访问权限。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="178"/>
        <source>{path} cannot be read (system error {errno}).</source>
        <translation>无法读取{path}（系统错误{errno}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="185"/>
        <source>{path} is not a GasDesk database (it is not an SQLite file).</source>
        <translation>{path}不是GasDesk数据库（不是SQLite文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="113"/>
        <location filename="../../gasdesk/storage/db.py" line="192"/>
        <source>{path} cannot be written (read-only file or folder).</source>
        <translation>无法写入{path}（文件或文件夹为只读）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="108"/>
        <source>{path} cannot be opened: the disk is full. Nothing was changed; free space on the disk and start again.</source>
        <translation>无法打开{path}：磁盘已满。未做任何更改，请清理磁盘空间后重新启动。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="116"/>
        <source>{path} cannot be opened: the disk reported a read or write error. Nothing was changed; call the administrator.</source>
        <translation>无法打开{path}：磁盘报告读写错误。未做任何更改，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="121"/>
        <source>{path} cannot be opened: its disk or folder can no longer be reached (removed or failed). Nothing was changed; call the administrator.</source>
        <translation>无法打开{path}：无法访问其所在的磁盘或文件夹（已被移除或发生故障）。未做任何更改，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="126"/>
        <source>{path} is locked by another program. Nothing was changed; try again in a moment.</source>
        <translation>{path}正被其他程序锁定。未做任何更改，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="152"/>
        <source>There is no database {path}; nothing was created. Check the name; a new database is made with gasdesk setup --office CODE --badge BADGE --name NAME --db {path}</source>
        <translation>没有数据库{path}，未创建任何文件。请核对名称；新数据库用 gasdesk setup --office CODE --badge BADGE --name NAME --db {path} 建立。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="214"/>
        <source>{path} is damaged and cannot be opened.</source>
        <translation>{path}已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="222"/>
        <source>{path} is an SQLite file but not a GasDesk database.</source>
        <translation>{path}是SQLite文件，但不是GasDesk数据库。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="230"/>
        <source>{path} was written by a newer GasDesk (schema {version}; this version knows up to {latest}). Install the newer GasDesk to open it.</source>
        <translation>{path}由更新版本的GasDesk写入（数据结构版本{version}，本版本最高支持{latest}）。请安装新版GasDesk后再打开。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="248"/>
        <source>The folder {folder} cannot be created: permission denied.</source>
        <translation>无法创建文件夹{folder}：没有访问权限。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="255"/>
        <source>The folder {folder} cannot be created (system error {errno}).</source>
        <translation>无法创建文件夹{folder}（系统错误{errno}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="264"/>
        <source>The folder {folder} cannot be written.</source>
        <translation>无法写入文件夹{folder}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="272"/>
        <source>{path} is damaged: the integrity check found problems.</source>
        <translation>{path}已损坏：完整性检查发现问题。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="358"/>
        <source>The text contains a NUL character; type it again.</source>
        <translation>文本中含有NUL字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="436"/>
        <source>The shared database {server} cannot be reached.</source>
        <translation>无法连接共享数据库{server}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/db.py" line="465"/>
        <source>This database was written by a newer GasDesk; install the newer GasDesk.</source>
        <translation>该数据库由更新版本的GasDesk写入，请安装新版GasDesk。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="119"/>
        <source>An office code is 2 to 8 letters A-Z or digits, starting with a letter, e.g. MS; it starts every receipt number.</source>
        <translation>营业室代码为2至8位大写字母A-Z或数字，以字母开头，例如 MS；它是每张收据编号的前缀。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="127"/>
        <source>Enter the office&apos;s name (at most {n} characters).</source>
        <translation>请输入营业室名称（最多{n}个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="131"/>
        <source>Enter the office&apos;s address (at most {n} characters).</source>
        <translation>请输入营业室地址（最多{n}个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="136"/>
        <source>The office&apos;s phone is digits and &apos;-&apos; only, e.g. 0533-6886656.</source>
        <translation>营业室电话只能包含数字和“-”，例如 0533-6886656。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="144"/>
        <source>Business hours are written like 08:30-12:00,13:30-17:00.</source>
        <translation>营业时间的写法如 08:30-12:00,13:30-17:00。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="151"/>
        <source>An office has 1 to {n} counters.</source>
        <translation>营业室的窗口数为1至{n}个。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="162"/>
        <source>This PC&apos;s counter number is between 1 and {n} (the office&apos;s counters).</source>
        <translation>本机窗口号应在1至{n}之间（营业室的窗口数）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="172"/>
        <source>Two offices cannot have the same code {code}.</source>
        <translation>两个营业室不能使用同一代码 {code}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="235"/>
        <source>There is no office &apos;{code}&apos; in offices.toml; the offices are {codes}.</source>
        <translation>offices.toml 中没有营业室“{code}”；可选的营业室：{codes}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="258"/>
        <source>This database has been set up already (from another counter); this PC only chooses its office and counter.</source>
        <translation>该数据库已由其他窗口完成初始设置，本机只需选择所在的营业室和窗口。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/office_setup.py" line="182"/>
        <source>Office {code} is set up already; add staff with &apos;gasdesk user add&apos;.</source>
        <translation>营业室 {code} 已经设立；添加员工请用 gasdesk user add。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="182"/>
        <source>Enter the reading shown on the meter.</source>
        <translation>请输入燃气表上显示的读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="183"/>
        <source>The reading must be a number of m³, such as 1234.567.</source>
        <translation>读数须为以m³为单位的数字，如1234.567。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="186"/>
        <source>A reading has at most 3 decimals (the third is litres).</source>
        <translation>读数最多3位小数（第三位为升）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="189"/>
        <source>The reading has more digits than a gas meter shows.</source>
        <translation>读数位数超过燃气表能显示的位数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="192"/>
        <location filename="../../gasdesk/services/import_readings.py" line="56"/>
        <source>The reading is below the previous reading of this meter ({previous} m³ on {previous_on}).</source>
        <translation>读数低于该表上次读数（{previous_on}为{previous} m³）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="196"/>
        <source>This account has no meter in service.</source>
        <translation>该户没有在用的燃气表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="197"/>
        <source>A reading cannot be dated in the future.</source>
        <translation>读数日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="200"/>
        <source>The meter already has a reading dated {previous_on}.</source>
        <translation>该表已有{previous_on}的读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="333"/>
        <source>{volume} m³ since the previous reading is a lot for that time. Check the reading with the customer.</source>
        <translation>自上次读数以来用气{volume} m³，这段时间内用量偏大。请与客户核对读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/readings.py" line="342"/>
        <source>{volume} m³ since the previous reading, where this account usually uses about {expected} m³ in that time. Check the reading with the customer.</source>
        <translation>自上次读数以来用气{volume} m³，而该户同期通常用气约{expected} m³。请与客户核对读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/workdays.py" line="48"/>
        <source>The public holidays of {year} are not known yet. Add the official {year} schedule to resources/holidays.toml; until then deadlines are estimates that count Monday to Friday without the statutory holidays.</source>
        <translation>尚未录入{year}年的节假日安排。请将{year}年官方放假安排添加到resources/holidays.toml；在此之前，期限按周一至周五并除去法定节假日预计。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="72"/>
        <source>The print folder {folder} cannot be used: {reason}</source>
        <translation>打印文件夹 {folder} 无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="112"/>
        <source>The document to print could not be read.</source>
        <translation>要打印的文档无法读取。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="117"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="128"/>
        <source>The printer did not take the next page.</source>
        <translation>打印机未接收下一页。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="135"/>
        <source>A page of the document could not be drawn.</source>
        <translation>文档的一页无法绘制。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="145"/>
        <source>The printer did not finish the document.</source>
        <translation>打印机未能完成打印。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_printing.py" line="151"/>
        <source>The printer reported an error.</source>
        <translation>打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="29"/>
        <source>A new audit key {fingerprint} now seals the audit trail (recorded as audit record {seq}); the old key stays in the file to check what it sealed. Copy the key file {path} to its backup and to every counter that shares this database.</source>
        <translation>新的审计密钥 {fingerprint} 已启用（记入审计记录 {seq}）；旧密钥仍留在文件中，用于核验它封存的记录。请把密钥文件 {path} 复制到它的备份处，并复制到共用此数据库的每个窗口。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="35"/>
        <source>The lost audit key was replaced by {fingerprint} (recorded as audit record {seq}); the records before it can no longer be checked. Copy the key file {path} to its backup and to every counter that shares this database.</source>
        <translation>遗失的审计密钥已由 {fingerprint} 替换（记入审计记录 {seq}）；此前的记录已无法核验。请把密钥文件 {path} 复制到它的备份处，并复制到共用此数据库的每个窗口。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="41"/>
        <source>The audit key file {path} was restored (key {fingerprints}).</source>
        <translation>审计密钥文件 {path} 已恢复（密钥 {fingerprints}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="44"/>
        <source>The key file {file} does not belong to this database: none of its keys sealed the newest audit record. Nothing was changed.</source>
        <translation>密钥文件 {file} 不属于此数据库：其中没有任何密钥封存了最新的审计记录。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="49"/>
        <source>The audit key works; it is not lost. To change it, run gasdesk key new (a rotation, recorded in the audit trail).</source>
        <translation>审计密钥可以正常使用，并未遗失。如需更换，请运行 gasdesk key new（密钥轮换，会记入审计记录）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="54"/>
        <source>The audit key cannot be used, so it cannot seal a rotation. Restore it from its backup (gasdesk key restore FILE); only if no backup exists, replace it with gasdesk key new --lost.</source>
        <translation>审计密钥无法使用，因此不能进行密钥轮换。请从备份恢复（gasdesk key restore 备份文件）；只有在确无备份时，才用 gasdesk key new --lost 替换。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="60"/>
        <source>The audit key is to be replaced as lost: everything it sealed can no longer be checked, and every verify will say so. Type LOST to go on: </source>
        <translation>将按“遗失”替换审计密钥：它封存的全部记录将无法再核验，每次校验都会注明这一点。输入 LOST 继续：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="65"/>
        <source>Nothing was changed.</source>
        <translation>未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="66"/>
        <source>Key file {path}: keys {fingerprints}.</source>
        <translation>密钥文件 {path}：密钥 {fingerprints}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_key.py" line="67"/>
        <source>The key that seals the next audit record: {fingerprint}.</source>
        <translation>封存下一条审计记录的密钥：{fingerprint}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="24"/>
        <source>Audit key fingerprint: {fingerprint} (the Z slips print the fingerprint of the key that sealed each day: compare them).</source>
        <translation>审计密钥指纹：{fingerprint}（日结单上印有封存当日记录的密钥指纹，请逐一核对）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="29"/>
        <source>The audit key cannot be used: {problem}</source>
        <translation>审计密钥无法使用：{problem}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="30"/>
        <source>Found:</source>
        <translation>发现的问题：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="31"/>
        <source>To note:</source>
        <translation>须注意：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="32"/>
        <source>Nothing was found: every payment, receipt, drawer record and closed day agrees with the audit trail.</source>
        <translation>未发现问题：每笔收款、每张收据、每条钱箱记录和每个已结账日都与审计记录相符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_verify.py" line="37"/>
        <source>Checked against the heads of {n} backups in {folder}.</source>
        <translation>已与 {folder} 中 {n} 份备份的链头核对。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="20"/>
        <source>The audit key cannot be used ({items}); nothing was checked against it.</source>
        <translation>审计密钥无法使用（{items}），未能据其核验任何记录。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="23"/>
        <source>The audit records cannot be checked with this key (fingerprint {items}): the key file is not this database&apos;s, or the trail was sealed again with another key.</source>
        <translation>无法用此密钥（指纹 {items}）核验审计记录：密钥文件不属于此数据库，或审计链被人用另一把密钥重新封存。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="28"/>
        <source>Audit records were sealed with another key without a recorded key change: {items}.</source>
        <translation>审计记录改用了另一把密钥封存，却没有密钥更换记录：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="32"/>
        <source>Audit records name a key other than the one that sealed them (the trail was sealed again): {items}.</source>
        <translation>审计记录中登记的密钥与实际封存的密钥不符（审计链被重新封存）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="37"/>
        <source>The key file lacks a key the trail changed to, so these records cannot be checked: {items}.</source>
        <translation>密钥文件中缺少审计链已改用的密钥，以下记录无法核验：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="42"/>
        <source>Audit records were altered: {items}.</source>
        <translation>审计记录被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="43"/>
        <source>Audit records are missing (deleted): {items}.</source>
        <translation>审计记录缺失（被删除）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="44"/>
        <source>Audit records are doubled, out of order or unlinked: {items}.</source>
        <translation>审计记录重复、顺序错乱或前后不衔接：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="47"/>
        <source>The newest audit records were cut off: {items} is gone.</source>
        <translation>最新的审计记录被截断：{items} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="50"/>
        <source>The audit trail differs from a head recorded elsewhere: {items}.</source>
        <translation>审计链与别处记录的链头不符：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="53"/>
        <source>The anchor file beside the database is missing ({items}): a cut-off end of the audit trail cannot be excluded; check against the Z slips.</source>
        <translation>数据库旁的锚点文件缺失（{items}）：不能排除审计链尾被截断，请与日结单核对。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="58"/>
        <source>The anchor file was altered or cannot be read: {items}.</source>
        <translation>锚点文件被改动或无法读取：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="61"/>
        <source>The anchor file belongs to another audit trail: {items}.</source>
        <translation>锚点文件属于另一条审计链：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="64"/>
        <source>The anchor file had gone missing and was started again at audit record {items}; a cut-off end before that cannot be excluded: check against the Z slips.</source>
        <translation>锚点文件曾缺失，已于审计记录 {items} 处重新建立；不能排除此前链尾被截断，请与日结单核对。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="69"/>
        <source>This database file is a copy without its anchor file ({items}): the end of its audit trail is checked only against heads recorded elsewhere.</source>
        <translation>此数据库文件是不带锚点文件的副本（{items}）：其审计链尾只能与别处记录的链头核对。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="74"/>
        <source>Audit records {items} were sealed with a key later replaced as lost; they cannot be checked.</source>
        <translation>审计记录 {items} 由后来按遗失替换的密钥封存，无法核验。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="79"/>
        <source>Payment records were altered: {items}.</source>
        <translation>收款记录被修改：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="80"/>
        <source>Payments without an audit record (inserted): {items}.</source>
        <translation>收款没有审计记录（被插入）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="83"/>
        <source>Payments were deleted: {items}.</source>
        <translation>收款记录被删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="84"/>
        <source>Receipt numbers are missing: {items}.</source>
        <translation>收据缺号：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="85"/>
        <source>Receipts were altered or deleted: {items}.</source>
        <translation>收据被改动或删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="86"/>
        <source>Bill settlements of payments were changed or deleted: {items}.</source>
        <translation>收款的账单结算被改动或删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="89"/>
        <source>Prepaid balances differ from what the payments imply: {items}.</source>
        <translation>预存余额与收款记录推算的不符：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="92"/>
        <source>Closed business days were reopened: {items}.</source>
        <translation>已结账日被重新打开：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="93"/>
        <source>Day closures were altered or deleted: {items}.</source>
        <translation>日结记录被改动或删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="96"/>
        <source>Money was recorded for a closed day after its closure: {items}.</source>
        <translation>已结账日在日结后又登记了款项：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="99"/>
        <source>The payments of closed days no longer add up to their closure: {items}.</source>
        <translation>已结账日的收款合计与日结记录不再相符：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="102"/>
        <source>Business days are marked closed without a closure record: {items}.</source>
        <translation>营业日被标为已日结，却没有日结记录：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="105"/>
        <source>Drawer records (shifts, counts, cash paid in or out, differences) were altered: {items}.</source>
        <translation>钱箱记录（班次、清点、现金存取、长短款）被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="109"/>
        <source>Drawer records without an audit record (inserted): {items}.</source>
        <translation>钱箱记录没有审计记录（被插入）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="112"/>
        <source>Drawer records were deleted: {items}.</source>
        <translation>钱箱记录被删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="113"/>
        <source>Imported payments or closed days were altered: {items}.</source>
        <translation>导入的历史收款或已结账日被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="116"/>
        <source>IC-card records (cards, purchases, writes) were altered: {items}.</source>
        <translation>IC卡记录（卡、购气、写卡）被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="119"/>
        <source>IC-card records without an audit record (inserted): {items}.</source>
        <translation>IC卡记录没有审计记录（被插入）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="122"/>
        <source>IC-card records were deleted: {items}.</source>
        <translation>IC卡记录被删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="123"/>
        <source>The history of accounts (what a form changed) was altered: {items}.</source>
        <translation>用户变更记录（业务单办理的变更）被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="126"/>
        <source>Account history without an audit record (inserted): {items}.</source>
        <translation>用户变更记录没有审计记录（被插入）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="129"/>
        <source>Account history was deleted: {items}.</source>
        <translation>用户变更记录被删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="132"/>
        <source>Credits to accounts (meter checks) were altered: {items}.</source>
        <translation>账户退费记录（表具校验）被改动：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="135"/>
        <source>Credits to accounts without an audit record (inserted): {items}.</source>
        <translation>账户退费记录无审计记录（被插入）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="138"/>
        <source>Credits to accounts were deleted: {items}.</source>
        <translation>账户退费记录被删除：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="139"/>
        <source>Imported customers, meters or readings were altered, added or deleted (import batches): {items}.</source>
        <translation>导入的客户、表具或读数被修改、增加或删除（导入批次）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_findings.py" line="144"/>
        <source>Records name an import that the audit trail does not record (import batches): {items}.</source>
        <translation>有记录指向审计链中没有记载的导入（导入批次）：{items}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="33"/>
        <source>The audit key file {path} is missing. Nothing can be recorded until a supervisor restores it from its backup: gasdesk key restore FILE.</source>
        <translation>审计密钥文件 {path} 缺失。恢复之前无法记录任何业务：请主管从备份恢复（gasdesk key restore 备份文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="38"/>
        <source>The audit key file {path} is empty. Nothing can be recorded until a supervisor restores it from its backup: gasdesk key restore FILE.</source>
        <translation>审计密钥文件 {path} 是空的。恢复之前无法记录任何业务：请主管从备份恢复（gasdesk key restore 备份文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="43"/>
        <source>The audit key file {path} is damaged (line {line} is not 64 hexadecimal digits). Nothing can be recorded until a supervisor restores it from its backup: gasdesk key restore FILE.</source>
        <translation>审计密钥文件 {path} 已损坏（第 {line} 行不是 64 位十六进制数字）。恢复之前无法记录任何业务：请主管从备份恢复（gasdesk key restore 备份文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="49"/>
        <source>The audit key file {path} cannot be read ({error}). Nothing can be recorded until a supervisor restores it from its backup: gasdesk key restore FILE.</source>
        <translation>无法读取审计密钥文件 {path}（{error}）。恢复之前无法记录任何业务：请主管从备份恢复（gasdesk key restore 备份文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="54"/>
        <source>The newest audit record does not match the audit key {fingerprint} in {path}: the key file belongs to another database, or the audit trail was altered. Nothing can be recorded; run gasdesk verify, and let a supervisor restore the right key: gasdesk key restore FILE.</source>
        <translation>最新的审计记录与 {path} 中的审计密钥 {fingerprint} 不符：密钥文件属于另一个数据库，或审计记录被改动。暂停记录任何业务；请运行 gasdesk verify，并由主管恢复正确的密钥（gasdesk key restore 备份文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/audit_key.py" line="61"/>
        <source>The audit key was changed on another counter (new key {fingerprint}). Nothing can be recorded here until that key file is installed: gasdesk key restore FILE.</source>
        <translation>审计密钥已在另一个窗口更换（新密钥 {fingerprint}）。装上该密钥文件之前，本窗口无法记录任何业务：gasdesk key restore 密钥文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/migrations.py" line="321"/>
        <source>The shared database needs the schema upgrade {number} of this GasDesk, and this counter&apos;s database role may not change the schema. The administrator upgrades it with the owner role: gasdesk migrate --grant ROLE</source>
        <translation>共享数据库需要本版本 GasDesk 的结构升级 {number}，而本窗口的数据库角色无权修改数据库结构。请管理员用属主角色升级：gasdesk migrate --grant 角色名</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_tariff.py" line="23"/>
        <source>Added the tariff &apos;{name}&apos; for {user_type} accounts, in force from {day} (version {id}).</source>
        <translation>已为{user_type}用户添加气价“{name}”，自{day}起执行（版本{id}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_tariff.py" line="27"/>
        <source>Note: these are sample prices; enter the figures of the Zibo price authority.</source>
        <translation>注意：这是示例价格，请录入淄博市价格主管部门核定的价格。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/demo/cli.py" line="28"/>
        <source>The prices of the demo are the shipped SAMPLE tariffs (resources/tariff_*.toml), not the Zibo price authority&apos;s; a real office enters those as a new tariff version.</source>
        <translation>演示数据的气价是随附的示例气价（resources/tariff_*.toml），不是淄博市价格主管部门核定的价格；正式营业前须把核定价格录入为新的气价版本。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="60"/>
        <source>A unified social credit code has 18 characters; &apos;{value}&apos; has {n}.</source>
        <translation>统一社会信用代码为18位，“{value}”有{n}位。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="72"/>
        <source>A unified social credit code has digits and capitals other than I, O, Z, S and V; &apos;{char}&apos; is not one of them.</source>
        <translation>统一社会信用代码由数字和除I、O、Z、S、V以外的大写字母组成，“{char}”不在其中。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="83"/>
        <source>The tax number {value} does not check out (its last character is wrong): it was mistyped.</source>
        <translation>纳税人识别号{value}校验不通过（最后一位校验码不对），可能输错了。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="101"/>
        <source>Enter the buyer&apos;s name for the fapiao (2 to 100 characters).</source>
        <translation>请填写发票的购买方名称（2至100个字）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="113"/>
        <source>The phone number is not valid: a mobile number has 11 digits starting 13-19; a landline is like 0533-6886656.</source>
        <translation>电话号码无效：手机号为13至19开头的11位数字，座机如0533-6886656。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="125"/>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>“{value}”不是电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/fapiao.py" line="132"/>
        <source>Enter a mobile number or an e-mail address: the e-fapiao is sent there.</source>
        <translation>请填写手机号或电子邮箱：电子发票将发送到那里。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/households.py" line="36"/>
        <source>A household has 1 to {max} people; &apos;{value}&apos; is not such a number.</source>
        <translation>家庭人口为1至{max}人，“{value}”不是有效人数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="85"/>
        <source>Unknown user type &apos;{value}&apos;: use residential (居民) or commercial (非居民).</source>
        <translation>未知的用户类型“{value}”：请填 residential（居民）或 commercial（非居民）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="104"/>
        <source>The effective date &apos;{value}&apos; is not a date like 2027-01-01.</source>
        <translation>执行日期“{value}”不是有效日期，应如 2027-01-01。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="117"/>
        <source>Tier {n}: give its price once, as price_fen (whole fen per m³) or price_yuan (yuan per m³, at most two decimals).</source>
        <translation>第{n}档：价格须填写一次，用 price_fen（每立方米整数分）或 price_yuan（每立方米元，最多两位小数）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="139"/>
        <source>Tier {n}: the price &apos;{value}&apos; is not a price in fen or yuan per m³.</source>
        <translation>第{n}档：价格“{value}”不是每立方米的分或元。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="148"/>
        <source>Tier {n}: the price cannot be negative.</source>
        <translation>第{n}档：价格不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="154"/>
        <source>Tier {n}: the price must be above zero and at most 100 yuan per m³.</source>
        <translation>第{n}档：价格须大于零且不超过每立方米100元。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="166"/>
        <source>The tariff has no tiers: give at least one [[tier]] with its price.</source>
        <translation>气价没有分档：至少要有一个带价格的 [[tier]]。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="176"/>
        <source>Tier {n} is not a [[tier]] table.</source>
        <translation>第{n}档不是 [[tier]] 表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="183"/>
        <source>Tier {n}: unknown entry &apos;{key}&apos;.</source>
        <translation>第{n}档：未知的项目“{key}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="193"/>
        <source>Tier {n} has no upper bound, but only the last tier may be open-ended.</source>
        <translation>第{n}档没有上限，但只有最后一档可以不设上限。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="204"/>
        <source>The last tier ({n}) must have no upper bound: it takes all gas above the tier before.</source>
        <translation>最后一档（第{n}档）不能设上限：它包括上一档以上的全部气量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="215"/>
        <source>Tier {n}: the bound &apos;{value}&apos; is not a whole number of m³ above 0.</source>
        <translation>第{n}档：上限“{value}”不是大于0的整数立方米。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="224"/>
        <source>Tier {n}: its bound {value} m³ is not above the bound of the tier before ({previous} m³); bounds must increase.</source>
        <translation>第{n}档：上限{value}立方米不高于上一档的上限（{previous}立方米）；各档上限必须递增。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="243"/>
        <source>The household rule needs base_persons (1 to 30 people) and extra_m3_per_person (whole m³, not negative).</source>
        <translation>家庭人口规则须有 base_persons（1至30人）和 extra_m3_per_person（整数立方米，不能为负数）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="263"/>
        <source>The tariff lacks &apos;{key}&apos;.</source>
        <translation>气价缺少必填项“{key}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="276"/>
        <source>Unknown entry &apos;{key}&apos; in the tariff.</source>
        <translation>气价中有未知的项目“{key}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="283"/>
        <source>The tariff&apos;s name is longer than 60 characters.</source>
        <translation>气价名称超过60个字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="293"/>
        <source>&apos;sample&apos; is true or false.</source>
        <translation>“sample”只能是 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/tariff_file.py" line="299"/>
        <source>&apos;card_replacement_fee_fen&apos; is a whole number of fen from 0 to 100000.</source>
        <translation>补卡费用 card_replacement_fee_fen 须为 0 至 100000 之间的整数（单位：分）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/households.py" line="52"/>
        <source>Account {number} is closed; its details cannot change.</source>
        <translation>户号{number}已销户，资料不能再变更。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/households.py" line="61"/>
        <source>Account {number} already has a household of {size}.</source>
        <translation>户号{number}的家庭人口已是{size}人。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/tariff_admin.py" line="78"/>
        <source>The tariff &apos;{name}&apos; already takes effect on {day} for these accounts; two tariffs cannot start on the same day.</source>
        <translation>这类用户的气价“{name}”已在{day}起执行；两个气价不能同一天开始执行。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/tariff_admin.py" line="89"/>
        <source>Gas of these accounts is billed up to {last}; billed periods are never repriced, so a new tariff can take effect on {earliest} at the earliest, not {day}.</source>
        <translation>这类用户的用气已开账到{last}；已开账的周期不能重新计价，新气价最早只能从{earliest}起执行，不能从{day}起。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/tariff_admin.py" line="96"/>
        <source>IC-card gas of these accounts was sold on {last} at the price of that day; a new tariff can take effect on {earliest} at the earliest, not {day}.</source>
        <translation>这类用户在{last}已按当日价格购买IC卡气量；新气价最早只能从{earliest}起执行，不能从{day}起。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/tariff_admin.py" line="156"/>
        <source>The tariff file {file} cannot be read: {error}.</source>
        <translation>无法读取气价文件{file}：{error}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/tariff_admin.py" line="169"/>
        <source>The tariff file {file} is not written as a tariff file should be (line {line}); compare it with the shipped resources/tariff_residential.toml.</source>
        <translation>气价文件{file}的格式不对（第{line}行）；请对照随附的 resources/tariff_residential.toml。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="17"/>
        <source>There is no card in the card reader; put the customer&apos;s card in.</source>
        <translation>读卡器内没有卡，请插入客户的IC卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="20"/>
        <source>The card in the reader is card {found}, not card {wanted}; nothing was written. Put the customer&apos;s own card in.</source>
        <translation>读卡器内是卡 {found}，不是卡 {wanted}；未写入任何内容。请插入客户本人的卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="25"/>
        <source>The card was taken out of the reader while it was being written; put it back in and write it again.</source>
        <translation>写卡过程中卡被拔出，请重新插卡后再写一次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="30"/>
        <source>The card reader does not answer ({device}); check its cable and power.</source>
        <translation>读写卡器无响应（{device}），请检查连接线和电源。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="33"/>
        <source>The card in the reader is card {found}, not a blank card; put a new blank card in.</source>
        <translation>读卡器内是卡 {found}，不是空白卡，请插入新的空白卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="37"/>
        <source>No card reader is set up at this counter (device settings).</source>
        <translation>本柜台未设置读写卡器（设备设置）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="40"/>
        <source>No ID-card reader is set up at this counter (device settings).</source>
        <translation>本柜台未设置身份证阅读器（设备设置）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="43"/>
        <source>The device driver &apos;{driver}&apos; is not installed; install it or change the device settings.</source>
        <translation>设备驱动“{driver}”未安装，请安装驱动或修改设备设置。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="47"/>
        <source>There is no ID card on the reader; place the customer&apos;s ID card on it.</source>
        <translation>阅读器上没有身份证，请将客户的身份证放在阅读器上。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="50"/>
        <source>The ID-card reader does not answer ({device}); check its cable.</source>
        <translation>身份证阅读器无响应（{device}），请检查连接线。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="53"/>
        <source>The receipt printer does not answer ({device}): {reason}</source>
        <translation>收据打印机无响应（{device}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/devices/errors.py" line="56"/>
        <source>The receipt printer setting &apos;{connection}&apos; is not understood; write usb:VID:PID, serial:PORT, network:HOST or file:PATH.</source>
        <translation>无法识别收据打印机设置“{connection}”，请写成 usb:VID:PID、serial:端口、network:主机 或 file:路径。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="156"/>
        <source>The card&apos;s purchase count is {card_seq}, the records&apos; is {seq}; the card cannot take a new purchase. Call the card service desk.</source>
        <translation>卡内购气次数为 {card_seq}，系统记录为 {seq}，此卡不能写入新的购气。请联系IC卡服务台。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="169"/>
        <source>The card still holds {volume} m³ the meter has not taken (purchase {seq}); the customer inserts it into the meter first.</source>
        <translation>卡内尚有 {volume} m³ 未插表（第{seq}次购气），请客户先将卡插入燃气表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="186"/>
        <source>Meter {meter} has no card on record; issue its card first (new card, Alt+K).</source>
        <translation>表 {meter} 没有登记的IC卡，请先发卡（补卡，Alt+K）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="206"/>
        <source>Purchase {receipt} ({volume} m³) is paid but not on the card; write it first (write card, Alt+W). It is not charged again.</source>
        <translation>购气 {receipt}（{volume} m³）已收款但未写入IC卡，请先补写卡（Alt+W），不再收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="233"/>
        <location filename="../../gasdesk/services/payment_request.py" line="75"/>
        <source>Read the customer&apos;s IC card first.</source>
        <translation>请先读取客户的IC卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="238"/>
        <source>The card in the reader is blank; put the customer&apos;s own card in.</source>
        <translation>读卡器内是空白卡，请插入客户本人的卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="248"/>
        <source>Card {card} was replaced by card {current} and is blocked; no gas is sold onto it.</source>
        <translation>卡 {card} 已补卡为 {current}，已挂失停用，不能向其售气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="258"/>
        <source>Card {card} (meter {card_meter}) is not the card of this account&apos;s meter {meter}; nothing was charged.</source>
        <translation>卡 {card}（表号 {card_meter}）不是本户燃气表 {meter} 的卡，未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="270"/>
        <source>Card {card} says meter {card_meter}, but the account&apos;s meter is {meter}; nothing was charged.</source>
        <translation>卡 {card} 记载的表号为 {card_meter}，而本户燃气表为 {meter}，未收取任何费用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/cards.py" line="321"/>
        <source>Meter {meter} already has a card on record.</source>
        <translation>表 {meter} 已有登记的IC卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="69"/>
        <source>The printer {name} is not installed.</source>
        <translation>打印机 {name} 未安装。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/device_check.py" line="75"/>
        <source>No printer is installed.</source>
        <translation>未安装打印机。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_numbers.py" line="32"/>
        <source>Office {code} has no account numbers: it is not in offices.toml.</source>
        <translation>营业室{code}不在offices.toml中，没有户号序列。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/account_numbers.py" line="73"/>
        <source>The account numbers of office {code} are used up.</source>
        <translation>营业室{code}的户号已用完。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="54"/>
        <source>Account {number} owes {due} yuan with the final bill and its prepaid balance is {balance} yuan: collect {short} yuan at the fee tab (F3) first, then finish the 销户.</source>
        <translation>户号{number}连同销户结算气费共欠{due}元，预存余额只有{balance}元：请先在收费页（F3）收取{short}元，再办结销户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="122"/>
        <source>Owed with the final bill</source>
        <translation>连同销户结算应缴</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="124"/>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="129"/>
        <source>Prepaid balance</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="129"/>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="134"/>
        <source>To collect first at the fee tab (F3)</source>
        <translation>需先在收费页（F3）收取</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="136"/>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="143"/>
        <source>Paid from the balance</source>
        <translation>从预存余额扣缴</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="138"/>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="149"/>
        <source>Refund in cash from your drawer</source>
        <translation>从您的钱箱退还现金</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/close_account.py" line="152"/>
        <source>Form {form} belongs to another office; close the account there.</source>
        <translation>业务单{form}属于其他营业室，请在该营业室办理销户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/guards.py" line="49"/>
        <source>Account {number} is closed (已销户); no business can be done on it. A new supply needs a new account (开户).</source>
        <translation>户号{number}已销户，不能再办理任何业务。如需重新用气，请办理开户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/guards.py" line="54"/>
        <source>Account {number} has an open closing form {form} (销户); finish that form before any other business on the account.</source>
        <translation>户号{number}有未办结的销户申请{form}，请先办结该申请，再办理其他业务。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/guards.py" line="88"/>
        <location filename="../../gasdesk/services/form_completion.py" line="70"/>
        <source>The form&apos;s effect &apos;{effect}&apos; is not known to this version.</source>
        <translation>本版本不认识该业务单的办理事项“{effect}”。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/info_change.py" line="40"/>
        <source>Fill in what changes: a new phone, the address as it is written, or the ID number.</source>
        <translation>请填写要变更的内容：新电话、更正后的地址写法或身份证号码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/info_change.py" line="90"/>
        <source>Account {number} already holds these details; nothing changes.</source>
        <translation>户号{number}的信息与所填相同，无需变更。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/open_account.py" line="115"/>
        <source>&apos;{choice}&apos; is not a user type GasDesk knows.</source>
        <translation>“{choice}”不是系统认识的用户类别。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/open_account.py" line="121"/>
        <source>Account {account} already supplies this address; one address has one account (a new holder there is a transfer, 过户).</source>
        <translation>该地址已有用户{account}在用气；一个地址只开一户（换户主请办理过户）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="103"/>
        <location filename="../../gasdesk/services/effects/open_account.py" line="143"/>
        <source>Meter number {meter} is registered to account {account} already; a meter number is used once.</source>
        <translation>表号{meter}已登记在用户{account}名下，一个表号只能使用一次。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="115"/>
        <location filename="../../gasdesk/services/effects/open_account.py" line="155"/>
        <source>&apos;{choice}&apos; is not a meter kind GasDesk knows.</source>
        <translation>“{choice}”不是系统认识的表型。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="138"/>
        <source>{volume} m³ bought on the IC-card meter {meter} is not used yet; only an IC-card meter can carry it.</source>
        <translation>IC卡表 {meter} 上已购的 {volume} m³ 气量尚未用完，只能转入IC卡表。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="156"/>
        <source>Gas on the old meter since its previous reading</source>
        <translation>旧表上次读数以来用气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="163"/>
        <source>Bought gas carried to the new meter</source>
        <translation>转入新表的已购气量</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="170"/>
        <source>Billed for the old meter</source>
        <translation>旧表结算气费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/open_account.py" line="167"/>
        <source>The installation date cannot be after today.</source>
        <translation>安装日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_meter.py" line="126"/>
        <location filename="../../gasdesk/services/effects/open_account.py" line="172"/>
        <source>A meter is verified before it is installed ({installed}).</source>
        <translation>燃气表应在安装（{installed}）之前检定。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/supply.py" line="34"/>
        <source>The supply of account {number} is stopped already; restore it (复气) instead.</source>
        <translation>户号{number}已经停气，如需恢复请办理复气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/supply.py" line="37"/>
        <source>The supply of account {number} is not stopped; there is nothing to restore.</source>
        <translation>户号{number}未停气，无需复气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/supply.py" line="40"/>
        <source>&apos;{choice}&apos; is neither 停气 nor 复气.</source>
        <translation>“{choice}”既不是停气也不是复气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/refunds.py" line="62"/>
        <source>The business day {day} is closed; no money can be paid out for it.</source>
        <translation>营业日{day}已日结，不能再付出款项。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/refunds.py" line="70"/>
        <source>A supervisor of this office other than the teller must authorise a refund.</source>
        <translation>退款须由本营业室另一位主管（不是经办人本人）授权。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/refunds.py" line="79"/>
        <source>The drawer of your shift does not hold the {amount} yuan to refund; nothing was changed. Pay cash in first, or refund at another counter.</source>
        <translation>您本班钱箱的现金不足以退还{amount}元，未作任何变更。请先存入现金，或到其他窗口退款。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/refunds.py" line="94"/>
        <source>The prepaid balance of account {number} is less than the refund.</source>
        <translation>户号{number}的预存余额少于退款金额。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/meter_check.py" line="48"/>
        <source>The error is a percentage with at most two decimals, such as +2.3 or -0.8.</source>
        <translation>示值误差为百分数，最多两位小数，如+2.3或-0.8。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/credits.py" line="63"/>
        <source>The business day {day} is closed; no credit can be booked for it.</source>
        <translation>营业日 {day} 已日结，不能再为其记入退费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/credits.py" line="71"/>
        <source>A supervisor of this office other than the teller must authorise a credit.</source>
        <translation>退费须由本网点经办人以外的主管授权。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_user_type.py" line="56"/>
        <source>Account {number} is already of this user type ({user_type}); nothing to change.</source>
        <translation>用户 {number} 已是该用气类型（{user_type}），无需变更。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_user_type.py" line="102"/>
        <source>User type</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_user_type.py" line="106"/>
        <source>Gas since the previous reading</source>
        <translation>上次读数以来用气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_user_type.py" line="113"/>
        <source>Billed at the old tariff</source>
        <translation>按原类型价格计费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/change_user_type.py" line="119"/>
        <source>Owed after the change</source>
        <translation>变更后应缴合计</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="79"/>
        <source>Meter {meter} is no longer in service on this account (the meter now is {current}); the check result belongs to the meter that was tested.</source>
        <translation>燃气表 {meter} 已不在本户使用（现用表为 {current}）；校验结果只能登记在送检的表上。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="99"/>
        <source>The test day cannot be after today.</source>
        <translation>检定日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="104"/>
        <source>Meter {meter} was installed on {installed}, after this test day.</source>
        <translation>燃气表 {meter} 于 {installed} 安装，晚于该检定日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="116"/>
        <source>The over-charge period must start on or before the test day.</source>
        <translation>多收气费的起算日不能晚于检定日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="161"/>
        <source>Check result</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="167"/>
        <source>Over-registered gas</source>
        <translation>表计多计气量</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/meter_check.py" line="174"/>
        <source>Credited to the prepaid balance</source>
        <translation>退还至预存余额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="71"/>
        <source>{name} already holds account {number}; a transfer passes the account to another holder.</source>
        <translation>{name} 已是用户 {number} 的户主；过户须将账户转给另一户主。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="75"/>
        <source>The old holder owes {due} yuan on account {number} with the gas up to the transfer reading, and its prepaid balance is {balance} yuan: collect {short} yuan at the fee tab (F3) first, then finish the transfer.</source>
        <translation>用户 {number} 原户主连同过户读数前的气费共欠 {due} 元，预存余额 {balance} 元：请先在收费页（F3）收取 {short} 元，再办结过户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="126"/>
        <source>Old holder owes (to the transfer reading)</source>
        <translation>原户主应结气费（至过户读数）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="156"/>
        <source>Stays on the account for the new holder</source>
        <translation>留在账户，归新户主</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/effects/transfer_holder.py" line="202"/>
        <source>Form {form} belongs to another office; do the transfer there.</source>
        <translation>业务单 {form} 属于其他网点，请在该网点办理过户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="38"/>
        <source>{file} ({format}, {encoding}; SHA-256 {sha}…)</source>
        <translation>{file}（{format}，{encoding}；SHA-256 {sha}…）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="39"/>
        <source>Line {line}, column {column}, value “{value}”: {reason}</source>
        <translation>第 {line} 行，{column} 列，值“{value}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="40"/>
        <source>Line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="41"/>
        <source>{rows} rows: {new} new, {unchanged} unchanged, {refused} refused.</source>
        <translation>共 {rows} 行：新增 {new}，未变 {unchanged}，被拒 {refused}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="44"/>
        <source>Columns passed over: {columns}.</source>
        <translation>未使用的列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="45"/>
        <source>Nothing was written: correct the refused rows and import the file again, or import the other rows with --skip-invalid.</source>
        <translation>未写入任何内容：请改正被拒的行后重新导入，或用 --skip-invalid 只导入其余的行。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="50"/>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="51"/>
        <source>Imported as batch {batch}; the audit trail seals it.</source>
        <translation>已导入，批次 {batch}，已记入审计链。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="52"/>
        <source>Nothing new: the file is already in the database.</source>
        <translation>没有新内容：文件中的记录已全部在库中。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="53"/>
        <source>No office has the code {office}.</source>
        <translation>没有代码为 {office} 的营业室。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="54"/>
        <source>The refusals are listed in {file}.</source>
        <translation>被拒的内容已列在 {file}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="56"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="57"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="58"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gasdesk/cli_import.py" line="59"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="44"/>
        <source>Empty; this column must be filled in.</source>
        <translation>为空；此列必须填写。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="45"/>
        <source>The spreadsheet turned this number into scientific notation: the digits after the fifteenth are lost. Format the column as text and type the numbers again.</source>
        <translation>表格软件把这个数字变成了科学计数法，第15位以后的数字已经丢失。请把此列设为文本格式，重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="50"/>
        <source>Not a whole number: a number here is digits only.</source>
        <translation>不是整数：此处的号码只能是数字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="51"/>
        <source>Not a text or number that can stand here.</source>
        <translation>此处不能填写这样的内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="52"/>
        <source>Not a date: write it as 2026-01-05, 2026/1/5 or 2026年1月5日.</source>
        <translation>不是日期：请写作 2026-01-05、2026/1/5 或 2026年1月5日。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="55"/>
        <source>There is no such day.</source>
        <translation>没有这一天。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_cells.py" line="56"/>
        <source>A date between {first} and {last} is expected here.</source>
        <translation>此处应为 {first} 至 {last} 之间的日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_columns.py" line="116"/>
        <source>The columns {first} and {second} are the same column ({name}).</source>
        <translation>{first} 列和 {second} 列是同一列（{name}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_columns.py" line="128"/>
        <source>The header row lacks the columns {missing}; the first row must name the columns (see the sample file).</source>
        <translation>表头缺少以下列：{missing}；第一行须写明各列名称（参见示例文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="29"/>
        <source>A mobile number has 11 digits starting 13-19; a landline is like 0533-6886656.</source>
        <translation>手机号为以13-19开头的11位数字；固定电话格式如0533-6886656。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="33"/>
        <source>An ID-card number has 18 characters.</source>
        <translation>身份证号为18位。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="34"/>
        <source>An ID-card number is 17 digits and a digit or X.</source>
        <translation>身份证号为17位数字加1位数字或X。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="37"/>
        <source>The birth date inside the ID-card number is not a real date.</source>
        <translation>身份证号中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="40"/>
        <source>The last character does not match: the number was mistyped.</source>
        <translation>校验位不符，号码输入有误。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="43"/>
        <source>An account number is 4 to 16 digits.</source>
        <translation>户号为4至16位数字。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="45"/>
        <source>At least {min} characters.</source>
        <translation>至少{min}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="46"/>
        <source>At most {max} characters.</source>
        <translation>最多{max}个字符。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="47"/>
        <source>A meter number is 4 to 20 letters and digits, as on the meter&apos;s plate.</source>
        <translation>表号为4至20位字母和数字，与表具铭牌一致。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="50"/>
        <source>Not one of: {choices}.</source>
        <translation>不是以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/import_readers.py" line="51"/>
        <source>A date after today ({today}).</source>
        <translation>日期晚于今天（{today}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="24"/>
        <source>The same row as line {line}.</source>
        <translation>与第 {line} 行完全相同。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="25"/>
        <source>Round: {billed} readings to bill ({volume} m³), {flagged} flagged{flags}, {estimated} estimated.</source>
        <translation>本轮：出账读数 {billed} 个（{volume} m³），有标记 {flagged} 个{flags}，估抄 {estimated} 个。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="31"/>
        <source>far above last year</source>
        <translation>远高于去年同期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="32"/>
        <source>estimated again</source>
        <translation>连续估抄</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="33"/>
        <source>lower than the previous reading</source>
        <translation>低于上次读数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/domain/imports.py" line="34"/>
        <source>meter changed</source>
        <translation>已换表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="74"/>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="78"/>
        <source>{file} is a folder, not a file.</source>
        <translation>{file} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="82"/>
        <source>The file {file} cannot be read: {error}</source>
        <translation>无法读取文件 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="89"/>
        <source>The file {file} is larger than {mb} MB.</source>
        <translation>文件 {file} 超过 {mb} MB。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="93"/>
        <source>The file {file} is empty.</source>
        <translation>文件 {file} 是空的。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="104"/>
        <source>{file} is an old Excel .xls file: save it as .xlsx or as CSV and import that.</source>
        <translation>{file} 是旧版 Excel .xls 文件：请另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="135"/>
        <source>{file} is neither a spreadsheet (.xlsx) nor a CSV text in UTF-8 or GBK.</source>
        <translation>{file} 既不是表格文件（.xlsx），也不是 UTF-8 或 GBK 编码的 CSV 文本。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="178"/>
        <source>{file} is not a readable .xlsx spreadsheet.</source>
        <translation>{file} 不是可读取的 .xlsx 表格文件。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/exchange/sheets.py" line="214"/>
        <source>{file} has no header row and no data.</source>
        <translation>{file} 没有表头，也没有数据。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="44"/>
        <source>{digits} digits where the numbers have {width}: a spreadsheet drops the leading zeros when it takes the column for numbers (0012345 becomes 12345). Format the column as text and write the numbers in full.</source>
        <translation>只有 {digits} 位，而号码应为 {width} 位：表格软件把此列当作数字时会去掉开头的0（0012345 变成 12345）。请把此列设为文本格式，写全号码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="50"/>
        <source>Account {number} is already on line {line}.</source>
        <translation>户号 {number} 已在第 {line} 行出现。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="51"/>
        <source>Meter {meter} is already on line {line}.</source>
        <translation>表号 {meter} 已在第 {line} 行出现。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="52"/>
        <source>No office is named {office}; the offices are {offices}.</source>
        <translation>没有名为 {office} 的营业室；营业室有：{offices}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="53"/>
        <source>Empty; name the office (营业室), or import from a counter of that office.</source>
        <translation>为空；请填写营业室，或在该营业室的窗口导入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="56"/>
        <source>The database holds {stored} for account {number}: an import does not change an account (changes go through the counter&apos;s forms).</source>
        <translation>库中户号 {number} 的此项为 {stored}：导入不修改已有户（变更请在柜台办理相应业务）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="61"/>
        <source>The database holds {stored} for meter {meter}: an import does not change a meter.</source>
        <translation>库中表号 {meter} 的此项为 {stored}：导入不修改已有表具。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="65"/>
        <source>Meter {meter} belongs to account {account} in the database.</source>
        <translation>库中表号 {meter} 属于户号 {account}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_accounts.py" line="68"/>
        <source>Account {number} is in the database with meter {meter}: a meter change is a business form, not an import.</source>
        <translation>户号 {number} 已在库中，表号为 {meter}：换表须办理业务，不能通过导入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_common.py" line="25"/>
        <source>Only a supervisor imports customers and readings.</source>
        <translation>只有主管可以导入客户档案和抄表读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="31"/>
        <source>No meter has this number.</source>
        <translation>没有这个表号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="32"/>
        <source>Meter {meter} was removed on {day}: it takes no more readings.</source>
        <translation>表号 {meter} 已于 {day} 拆除，不再录入读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="35"/>
        <source>The account of meter {meter} ({account}) is closed.</source>
        <translation>表号 {meter} 所属的户（{account}）已销户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="38"/>
        <source>Meter {meter} belongs to account {account}, not to this one.</source>
        <translation>表号 {meter} 属于户号 {account}，不属于此户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="41"/>
        <source>Before meter {meter} was installed ({installed}).</source>
        <translation>早于表号 {meter} 的安装日期（{installed}）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="44"/>
        <source>Meter {meter} already has another reading dated {day} on line {line}.</source>
        <translation>表号 {meter} 在第 {line} 行已有 {day} 的另一个读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="47"/>
        <source>The database has {stored} m³ for meter {meter} on {day}: an import does not overwrite a reading.</source>
        <translation>库中表号 {meter} 在 {day} 的读数为 {stored} m³：导入不覆盖已有读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="52"/>
        <source>Meter {meter} is billed up to {day}: a reading inside a billed period is not added.</source>
        <translation>表号 {meter} 已出账至 {day}：已出账期间内不能补录读数。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="60"/>
        <source>The reading is below the meter&apos;s initial reading ({previous} m³ when installed on {previous_on}).</source>
        <translation>读数低于表具的初始读数（{previous_on} 安装时为 {previous} m³）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/import_readings.py" line="65"/>
        <source>The reading is above the next reading of this meter ({next} m³ on {next_on}).</source>
        <translation>读数高于此表的下一次读数（{next_on} 为 {next} m³）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/imports.py" line="57"/>
        <source>The file {file} has changed since it was checked; check it again before importing.</source>
        <translation>文件 {file} 在检查之后被修改过；请重新检查后再导入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/imports.py" line="61"/>
        <source>Unknown kind of import: {kind}.</source>
        <translation>未知的导入类型：{kind}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/imports.py" line="63"/>
        <source>{file} holds meter readings, not customers: import it as readings.</source>
        <translation>{file} 是抄表读数，不是客户档案：请按抄表读数导入。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/imports.py" line="66"/>
        <source>{file} holds customers, not meter readings: import it as customers.</source>
        <translation>{file} 是客户档案，不是抄表读数：请按客户档案导入。</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="36"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="37"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="38"/>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="39"/>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="40"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="45"/>
        <source>Operations department</source>
        <translation>运营部</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="46"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="47"/>
        <source>Municipal public utilities bureau</source>
        <translation>市公用事业局</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="52"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="53"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="54"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="60"/>
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="61"/>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="62"/>
        <source>Safety inspection</source>
        <translation>安检</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="67"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="68"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="69"/>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="70"/>
        <source>Upheld against staff</source>
        <translation>认定员工责任</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="71"/>
        <source>Copy printed</source>
        <translation>已打印回执</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="72"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="73"/>
        <source>Home visit</source>
        <translation>入户服务</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="74"/>
        <source>Confirmation printed</source>
        <translation>已打印确认单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="80"/>
        <source>open the account and register its meter</source>
        <translation>开户并登记燃气表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="81"/>
        <source>change the holder&apos;s contact details</source>
        <translation>变更户主信息</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="82"/>
        <source>stop or restore the gas supply</source>
        <translation>停气或复气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="83"/>
        <source>close the account and refund its balance</source>
        <translation>销户并退还余额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="84"/>
        <source>bill the old holder and pass the account to the new one</source>
        <translation>结清原户主气费并将账户过户给新户主</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="85"/>
        <source>bill at the old tariff and change the user type</source>
        <translation>按原价格结算并变更用气类型</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="86"/>
        <source>bill the old meter and register the new one</source>
        <translation>结算旧表气费并登记新表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="87"/>
        <source>record the check and credit an over-charge</source>
        <translation>登记校验结果并退还多收气费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="94"/>
        <source>Fill in the meter the crew installed, then Ctrl+Enter: the account is opened with the next number of the office.</source>
        <translation>填写安装的燃气表信息，然后按Ctrl+Enter：按本营业室户号顺序开户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="98"/>
        <source>Ctrl+Enter changes the account&apos;s details; the old ones stay in its history.</source>
        <translation>按Ctrl+Enter变更用户信息，原信息保留在变更记录中。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="101"/>
        <source>Ctrl+Enter changes the supply status of the account, with the reason given.</source>
        <translation>按Ctrl+Enter按所填原因变更该户供气状态。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="104"/>
        <source>Check the settlement with the customer. A supervisor authorises the refund (badge, password, Enter); the cash comes from your drawer.</source>
        <translation>请与客户核对结算。退款须主管授权（工号、密码、回车），现金从您的钱箱支付。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="108"/>
        <source>Enter the transfer reading and what becomes of the prepaid balance; check the bill with both holders. A supervisor authorises (badge, password, Enter).</source>
        <translation>填写过户读数及预存余额的处理方式，与新旧户主核对结算金额；由主管授权（工号、密码、回车）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="112"/>
        <source>Enter the meter&apos;s reading today, then Ctrl+Enter: the gas up to it is billed at the old tariff, the gas after it at the new one.</source>
        <translation>填写当日表读数后按 Ctrl+Enter：此前用气按原价格计费，此后按新价格计费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="116"/>
        <source>Enter the old meter&apos;s final reading and the new meter the crew fitted, then Ctrl+Enter: the old meter&apos;s gas is billed and the new meter is in service.</source>
        <translation>填写旧表止码及施工人员安装的新表后按 Ctrl+Enter：结算旧表气费，新表投入使用。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/common.py" line="120"/>
        <source>Enter the laboratory&apos;s result. A meter fast beyond 1.5% is credited for the gas it over-registered; a supervisor approves (badge, password, Enter).</source>
        <translation>填写检定机构的校验结果。燃气表偏快超过1.5%的，多计气量的气费退还至账户；由主管审批（工号、密码、回车）。</translation>
    </message>
</context>
<context>
    <name>NewCardDialog</name>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="88"/>
        <source>New IC card (补卡)</source>
        <translation>补卡</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="94"/>
        <source>{name} · account {number} · meter {meter}</source>
        <translation>{name} · 户号 {number} · 表号 {meter}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="102"/>
        <source>Card {card} will be blocked: no gas is sold onto it any more.</source>
        <translation>卡 {card} 将被挂失停用，此后不能再向其售气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="107"/>
        <source>The meter&apos;s first card on record.</source>
        <translation>该表的第一张登记卡。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="110"/>
        <source>The new card carries the meter&apos;s newest purchase ({seq}): the meter takes its gas only if it never took that purchase.</source>
        <translation>新卡带有该表最近一次购气（第{seq}次）：只有燃气表从未读入该次购气时才会读入气量。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="116"/>
        <source>Fee for a new card: ¥{fee} (tariff file).</source>
        <translation>补卡费：¥{fee}（价目文件）。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="121"/>
        <source>No fee.</source>
        <translation>不收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="122"/>
        <source>Put a new blank card into the card reader, then press Enter.</source>
        <translation>请将新的空白卡插入读写卡器，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="134"/>
        <source>e.g. 20</source>
        <translation>例如 20</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="139"/>
        <source>Method:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="140"/>
        <source>Cash received (¥):</source>
        <translation>实收现金（¥）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="141"/>
        <source>Reference:</source>
        <translation>交易参考号：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="146"/>
        <source>Issue the card (Enter)</source>
        <translation>补卡（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="148"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>NewCardFlow</name>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="242"/>
        <source>The new card {card} is not written yet: press Alt+W.</source>
        <translation>新卡 {card} 尚未写卡：请按 Alt+W。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="298"/>
        <source>Reading the card in the reader…</source>
        <translation>正在读取读卡器内的卡…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/new_card.py" line="336"/>
        <source>New IC card; card {card} is blocked.</source>
        <translation>补卡；卡 {card} 挂失停用。</translation>
    </message>
</context>
<context>
    <name>OpenFormsPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="53"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="54"/>
        <source>Form</source>
        <translation>业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="55"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="57"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="58"/>
        <source>By</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="72"/>
        <source>Show closed forms too</source>
        <translation>同时显示已办结的业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="76"/>
        <source>Note for the history (what was done)</source>
        <translation>处理记录（所做处理）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="78"/>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="158"/>
        <source>Ne&amp;xt status</source>
        <translation>下一状态(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="81"/>
        <source>Print cop&amp;y</source>
        <translation>打印回执(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="156"/>
        <source>Ne&amp;xt status: {status}</source>
        <translation>下一状态(&amp;X)：{status}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="105"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="251"/>
        <source>Some fields need attention; nothing was changed.</source>
        <translation>部分内容需要修改，未作任何变更。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/open_forms.py" line="269"/>
        <source>{number} is now: {status}</source>
        <translation>{number}当前状态：{status}</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../gasdesk/ui/open_shift_dialog.py" line="38"/>
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/open_shift_dialog.py" line="42"/>
        <source>Counter {counter}, {badge} {name}: count the opening float in the drawer by denomination. Enter moves on; Enter in the last field opens the shift.</source>
        <translation>{counter} 号窗口，{badge} {name}：请按面额清点钱箱中的备用金。回车到下一项；在最后一项按回车即开班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/open_shift_dialog.py" line="50"/>
        <source>Open shift (Enter)</source>
        <translation>开班（回车）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/open_shift_dialog.py" line="52"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <location filename="../../gasdesk/ui/outage_banner.py" line="51"/>
        <source>Gas outage at this address: {area}, {start} to {end} ({reason})</source>
        <translation>该地址停气通知：{area}，{start}至{end}（{reason}）</translation>
    </message>
</context>
<context>
    <name>OutagesPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="58"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="70"/>
        <source>Re&amp;gister notice</source>
        <translation>登记通知(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="78"/>
        <source>New outage notice</source>
        <translation>新停气通知</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="80"/>
        <source>&amp;Street or road</source>
        <translation>街道/道路(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="81"/>
        <source>Co&amp;mmunity</source>
        <translation>小区(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="82"/>
        <source>Buildings</source>
        <translation>楼号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="83"/>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="91"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="84"/>
        <source>Expected restoration</source>
        <translation>预计复气时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="85"/>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="93"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="90"/>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="92"/>
        <source>Restoration</source>
        <translation>复气时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="94"/>
        <source>Peak</source>
        <translation>高峰</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="101"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="107"/>
        <source>&amp;Withdraw notice</source>
        <translation>撤销通知(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="111"/>
        <source>Address to check, Enter</source>
        <translation>输入要查询的地址，按Enter</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="176"/>
        <source>Cooking peak</source>
        <translation>做饭用气高峰</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="179"/>
        <source>The outage overlaps the cooking peak {window}. Outages should avoid peak hours. Register it anyway?</source>
        <translation>停气时段与做饭用气高峰（{window}）重叠。停气应避开用气高峰，仍要登记吗？</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="180"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="194"/>
        <source>Notice registered: {area}, {start} to {end}.</source>
        <translation>通知已登记：{area}，{start}至{end}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="224"/>
        <source>No planned outage affects this address.</source>
        <translation>该地址无计划停气。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/outages.py" line="228"/>
        <source>Affected: {area}, {start} to {end}</source>
        <translation>受影响：{area}，{start}至{end}</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="95"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="96"/>
        <location filename="../../gasdesk/ui/records/history_models.py" line="121"/>
        <source>Receipt</source>
        <translation>票据号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="97"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="98"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="99"/>
        <location filename="../../gasdesk/ui/records/history_models.py" line="118"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="100"/>
        <location filename="../../gasdesk/ui/records/history_models.py" line="119"/>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="101"/>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="102"/>
        <source>Teller</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="108"/>
        <source>voided by {code}</source>
        <translation>已被{code}冲正</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="110"/>
        <source>reverses {code}</source>
        <translation>冲正{code}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/models.py" line="112"/>
        <source>paid, NOT written to the card</source>
        <translation>已收款，未写卡</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="117"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="120"/>
        <source>Amount ¥</source>
        <translation>金额 ¥</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="122"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="127"/>
        <source>gas bill</source>
        <translation>气费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="128"/>
        <source>gas purchase</source>
        <translation>购气</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="129"/>
        <source>prepayment</source>
        <translation>预存</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="130"/>
        <source>new IC card fee</source>
        <translation>补卡费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="131"/>
        <source>void</source>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="132"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="137"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="138"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="139"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="140"/>
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="148"/>
        <source>{kind}, {volume} m³</source>
        <translation>{kind}，{volume} m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="159"/>
        <source>voided</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="161"/>
        <source>voids {receipt}</source>
        <translation>冲正{receipt}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="67"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>打印(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="70"/>
        <source>&amp;Save as PDF (Ctrl+S)</source>
        <translation>另存为PDF(&amp;S)（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="135"/>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="139"/>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="145"/>
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="145"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="157"/>
        <source>{file} is the counter&apos;s own database; choose another name.</source>
        <translation>{file}是本柜台的数据库，请另选名称。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="178"/>
        <source>The PDF was not saved as {file}: the disk is full.</source>
        <translation>PDF未能保存为{file}：磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="180"/>
        <source>The PDF was not saved as {file}: the folder is read-only.</source>
        <translation>PDF未能保存为{file}：该文件夹为只读。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/pdf_preview.py" line="183"/>
        <source>The PDF was not saved as {file} ({error}).</source>
        <translation>PDF未能保存为{file}（{error}）。</translation>
    </message>
</context>
<context>
    <name>PhraseListModel</name>
    <message>
        <location filename="../../gasdesk/ui/phrase_model.py" line="55"/>
        <source>Basic phrases</source>
        <translation>基本服务用语</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_model.py" line="56"/>
        <source>Tactful expressions</source>
        <translation>委婉的表达方式</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_model.py" line="57"/>
        <source>Read-back of amounts</source>
        <translation>唱收唱付</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="94"/>
        <source>Show to customer ({key})</source>
        <translation>展示给客户（{key}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="99"/>
        <source>Customer display ({key})</source>
        <translation>客户显示屏（{key}）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="169"/>
        <source>The phrases file has mistakes; the built-in phrases are in use:</source>
        <translation>服务用语文件有误，正在使用内置服务用语：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="287"/>
        <source>Last service: {time}</source>
        <translation>上次服务用时：{time}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="291"/>
        <source>No customer being served</source>
        <translation>当前无服务客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="300"/>
        <source>Service time {time} (limit {limit})</source>
        <translation>服务用时 {time}（限时 {limit}）</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="29"/>
        <source>residential</source>
        <translation>居民用户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="30"/>
        <source>commercial</source>
        <translation>商业用户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="31"/>
        <source>mechanical meter</source>
        <translation>机械表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="32"/>
        <source>IC-card meter</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="33"/>
        <source>meter reader</source>
        <translation>抄表员</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="34"/>
        <source>remote reading</source>
        <translation>远传</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="35"/>
        <source>estimated</source>
        <translation>估抄</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="46"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>Prices</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="45"/>
        <source>Residential</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="46"/>
        <source>Commercial</source>
        <translation>非居民</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="69"/>
        <source>above {low} m³ {price}</source>
        <translation>{low} m³以上 {price}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="76"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="83"/>
        <source>each person above {base}: +{extra} m³ per tier</source>
        <translation>超过{base}人每人各档加{extra} m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="90"/>
        <source>User type</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="91"/>
        <source>In force from</source>
        <translation>执行日期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="92"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="93"/>
        <source>Tiers (annual volume, price per m³)</source>
        <translation>各档（年用气量，每立方米价格）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="94"/>
        <source>Large households</source>
        <translation>人口多的家庭</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="95"/>
        <source>Source of the prices</source>
        <translation>价格依据</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="96"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
</context>
<context>
    <name>PricesPanel</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="168"/>
        <source>New tariff version (a price decision)</source>
        <translation>新的气价版本（调价文件）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="178"/>
        <source>e.g. 居民阶梯气价（2027年调整）</source>
        <translation>如：居民阶梯气价（2027年调整）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="183"/>
        <source>the price decision, e.g. 淄发改价格〔2026〕12号</source>
        <translation>调价文件，如：淄发改价格〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="185"/>
        <source>Households of more than</source>
        <translation>家庭人口超过</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="191"/>
        <source> people:</source>
        <translation>人的，</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="201"/>
        <source>each extra person adds to every tier</source>
        <translation>每多一人各档上限增加</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="206"/>
        <source>User &amp;type</source>
        <translation>用户类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="207"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="208"/>
        <source>In &amp;force from</source>
        <translation>执行日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="209"/>
        <source>&amp;Source</source>
        <translation>价格依据(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="210"/>
        <source>Large households</source>
        <translation>人口多的家庭</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="219"/>
        <source>&amp;Load from a tariff file…</source>
        <translation>从气价文件读入(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="221"/>
        <source>&amp;Add this version…</source>
        <translation>添加此气价(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="258"/>
        <source>The prices in force for {types} are SAMPLE prices shipped with GasDesk; enter the figures of the Zibo price authority (淄博市发展和改革委员会) as a new version before billing real customers.</source>
        <translation>{types}现行气价是GasDesk随附的示例价格；为真实用户计费前，请把淄博市价格主管部门（淄博市发展和改革委员会）核定的价格录入为新版本。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="261"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="305"/>
        <source>Add a tariff version</source>
        <translation>添加气价版本</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="307"/>
        <source>Add &apos;{name}&apos; for {user_type} accounts from {day}: {tiers}? Gas billed before that day keeps its price.</source>
        <translation>为{user_type}用户添加“{name}”，自{day}起执行：{tiers}？此前已开账的用气价格不变。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="340"/>
        <source>The tariff &apos;{name}&apos; is added; it applies from {day}.</source>
        <translation>气价“{name}”已添加，自{day}起执行。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="347"/>
        <source>Read a tariff file</source>
        <translation>读入气价文件</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="350"/>
        <source>Tariff files (*.toml)</source>
        <translation>气价文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/prices_panel.py" line="365"/>
        <source>Read from the file; check it, then add it with Alt+A.</source>
        <translation>已从文件读入；请核对后按 Alt+A 添加。</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="61"/>
        <source>{name} (default)</source>
        <translation>{name}（默认）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="63"/>
        <source>No printer: PDF files in a folder</source>
        <translation>无打印机：在文件夹中生成 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="68"/>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="70"/>
        <source>&amp;Test print</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="102"/>
        <source>Folder for the PDF files</source>
        <translation>PDF 文件存放文件夹</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="117"/>
        <source>Enter the whole path of the folder for the PDF files.</source>
        <translation>请输入 PDF 文件存放文件夹的完整路径。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="119"/>
        <source>The folder {folder} cannot be written; choose another.</source>
        <translation>文件夹 {folder} 无法写入，请另选一个。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="126"/>
        <source>PDF files in {folder}</source>
        <translation>PDF 文件，存于 {folder}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="150"/>
        <source>Test page written: {file}</source>
        <translation>测试页已生成：{file}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/printer_choice.py" line="153"/>
        <source>Test page sent to {printer}; check the slip.</source>
        <translation>测试页已发送到 {printer}，请检查打印出的纸条。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="18"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="19"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="20"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="21"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="16"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/qt_words.py" line="17"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadBackDialog</name>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="44"/>
        <source>Read back before recording</source>
        <translation>记账前唱收唱付</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="49"/>
        <source>{kind} · account {number} · {name}</source>
        <translation>{kind} · 户号 {number} · {name}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="59"/>
        <source>Due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="60"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="63"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="77"/>
        <source>Method: {method}</source>
        <translation>支付方式：{method}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="79"/>
        <source>Reference: {reference}</source>
        <translation>流水号：{reference}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="82"/>
        <source>Gas to load: {volume} m³</source>
        <translation>写卡气量：{volume} m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="97"/>
        <source>Say to the customer:</source>
        <translation>请对客户说：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="110"/>
        <source>Record and print (Enter)</source>
        <translation>确认并打印（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="112"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="163"/>
        <source>Recording the payment…</source>
        <translation>正在记录收费…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/readback_dialog.py" line="169"/>
        <source>Try again (Enter)</source>
        <translation>重试（Enter）</translation>
    </message>
</context>
<context>
    <name>ReadingReportForm</name>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="49"/>
        <source>Reading on the customer&apos;s meter, in m³ (up to 3 decimals):</source>
        <translation>客户表具读数，单位m³（最多3位小数）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="54"/>
        <source>e.g. 1234.567</source>
        <translation>如：1234.567</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="59"/>
        <source>Record reading (Enter)</source>
        <translation>登记读数（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="78"/>
        <source>If the customer confirms this reading, press Alt+Y to record it. To correct it, type in the field. Enter does not record it.</source>
        <translation>客户确认读数无误后，按 Alt+Y 登记；如需更正，直接在输入框中修改。按回车不会登记。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="86"/>
        <source>Record anyway (Alt+Y)</source>
        <translation>核对无误，仍然登记（Alt+Y）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="91"/>
        <source>Check again (Esc)</source>
        <translation>重新核对（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reading_form.py" line="180"/>
        <source>Recorded {value} m³ on meter {meter}: {volume} m³ since the previous reading.</source>
        <translation>已登记表号{meter}读数{value} m³，较上次读数用气{volume} m³。</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="28"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="29"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="30"/>
        <source>Reading m³</source>
        <translation>读数 m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="31"/>
        <source>Used m³</source>
        <translation>用气量 m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="32"/>
        <source>Year before m³</source>
        <translation>去年同期 m³</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="33"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="34"/>
        <source>Check</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="42"/>
        <source>meter reader</source>
        <translation>抄表员</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="43"/>
        <source>counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="44"/>
        <source>estimated</source>
        <translation>估抄</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="45"/>
        <source>business</source>
        <translation>业务读数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="46"/>
        <source>remote reading</source>
        <translation>远传</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="51"/>
        <source>far above last year</source>
        <translation>远高于去年同期</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="52"/>
        <source>estimated again</source>
        <translation>连续估抄</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="53"/>
        <source>lower than previous</source>
        <translation>低于上次读数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/history_models.py" line="54"/>
        <source>meter changed</source>
        <translation>已换表</translation>
    </message>
</context>
<context>
    <name>ReceiptCopyDialog</name>
    <message>
        <location filename="../../gasdesk/ui/records/reprint.py" line="61"/>
        <source>Receipt {code} — copy (重印)</source>
        <translation>收据 {code} — 重印</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reprint.py" line="61"/>
        <source>Receipt {code}</source>
        <translation>收据 {code}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/reprint.py" line="91"/>
        <source>Printed, but the print could not be recorded: {reason}</source>
        <translation>已打印，但打印记录未能保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="57"/>
        <source>Receipt {code}</source>
        <translation>收据 {code}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="67"/>
        <source>Print (Enter)</source>
        <translation>打印（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="69"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="98"/>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="131"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="172"/>
        <source>Printed a copy marked 重印.</source>
        <translation>已打印标有“重印”的副本。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="174"/>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="175"/>
        <source>Print a copy (Enter)</source>
        <translation>打印副本（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="186"/>
        <source>Printed, but the print could not be recorded: {reason}</source>
        <translation>已打印，但打印记录未能保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/receipt_dialog.py" line="196"/>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="70"/>
        <source>Account or meter number, mobile digits, name, address, or initials such as zs (Ctrl+F)</source>
        <translation>户号或表号、手机号码、姓名、地址，或拼音首字母如 zs（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="97"/>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="98"/>
        <source>Type in the search field above; Enter picks the customer.</source>
        <translation>在上方搜索框输入，按Enter选择客户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="185"/>
        <source>{count} found; Down and Enter pick one.</source>
        <translation>找到{count}个，按↓和Enter选择。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="187"/>
        <source>1 found; Enter picks it.</source>
        <translation>找到1个，按Enter选择。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="190"/>
        <source>No customer found for “{text}”.</source>
        <translation>未找到“{text}”对应的客户。</translation>
    </message>
</context>
<context>
    <name>RefusalModel</name>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="71"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="71"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="71"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="71"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/imports/models.py" line="77"/>
        <source>(whole row)</source>
        <translation>（整行）</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <location filename="../../gasdesk/ui/file_dialogs.py" line="157"/>
        <source>{file} is the counter&apos;s own database; choose another name.</source>
        <translation>{file}是本柜台的数据库，请另选名称。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/file_dialogs.py" line="203"/>
        <source>Print to file</source>
        <translation>打印到文件</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="29"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="30"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="31"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="32"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="33"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="88"/>
        <source>Removed meter; the meter in service is {meter}</source>
        <translation>已拆除的旧表，在用表号为{meter}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/search_model.py" line="94"/>
        <source>Account status: {status}</source>
        <translation>户状态：{status}</translation>
    </message>
</context>
<context>
    <name>SetUpDialog</name>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="75"/>
        <source>GasDesk — set up this database</source>
        <translation>燃气营业厅柜台 — 初始设置</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="80"/>
        <source>The database {where} is empty. Set up the office, this PC&apos;s counter, the first supervisor and the receipt printer. Nothing is written until every field is valid. Enter moves to the next field; Esc quits.</source>
        <translation>数据库 {where} 是空的。请设置营业室、本机窗口、第一位主管和收据打印机。所有项目填写无误之前不会写入任何内容。回车到下一项；Esc 退出。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="91"/>
        <source>A new office…</source>
        <translation>新营业室…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="107"/>
        <source>Office</source>
        <translation>营业室</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="110"/>
        <source>From offices.toml</source>
        <translation>从 offices.toml 选取</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="111"/>
        <source>Code (starts the receipt numbers)</source>
        <translation>代码（收据编号前缀）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="112"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="113"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="114"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="115"/>
        <source>Business hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="116"/>
        <source>Counters</source>
        <translation>窗口数</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="123"/>
        <source>Their staff are added with gasdesk user add; their PCs join this database by choosing their office and counter.</source>
        <translation>其员工用 gasdesk user add 添加；其窗口的电脑选择所在营业室和窗口即可接入本数据库。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="137"/>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="140"/>
        <source>Counter number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="141"/>
        <source>Receipt printer</source>
        <translation>收据打印机</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="144"/>
        <source>e.g. MS09</source>
        <translation>例如 MS09</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="150"/>
        <source>First supervisor</source>
        <translation>第一位主管</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="153"/>
        <source>Badge number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="154"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="155"/>
        <source>Password (at least 6 characters)</source>
        <translation>密码（至少6位）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="156"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="159"/>
        <source>Set up (Enter)</source>
        <translation>完成设置（回车）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="162"/>
        <source>Quit (Esc)</source>
        <translation>退出（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="246"/>
        <source>Also set up the company&apos;s other offices: {names}</source>
        <translation>同时设置公司的其他营业室：{names}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/setup_dialog.py" line="296"/>
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="72"/>
        <source>Open a shift: count the opening float</source>
        <translation>开班：清点备用金</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="75"/>
        <source>&amp;Open shift</source>
        <translation>开班(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="83"/>
        <source>Cash paid in or out of the drawer</source>
        <translation>钱箱现金存入/取出</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="87"/>
        <source>Amount, e.g. 500.00</source>
        <translation>金额，如：500.00</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="90"/>
        <source>Reason, e.g. bank deposit</source>
        <translation>原因，如：解缴银行</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="92"/>
        <source>Pay &amp;in</source>
        <translation>存入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="93"/>
        <source>Pay o&amp;ut</source>
        <translation>取出(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="113"/>
        <source>Expected against counted</source>
        <translation>应有与实点对比</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="128"/>
        <source>Record &amp;difference…</source>
        <translation>登记差额(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="130"/>
        <source>Count &amp;again</source>
        <translation>重新清点(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="131"/>
        <source>C&amp;lose shift</source>
        <translation>交班(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="204"/>
        <source>No open shift at this counter.</source>
        <translation>本窗口当前未开班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="211"/>
        <source>Shift of {badge} at counter {counter}, {date}, opened {time}; float ¥{float}; {n} payments.</source>
        <translation>{badge}的班次：{counter}号窗口，{date}，{time}开班；备用金 ¥{float}；收费{n}笔。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="237"/>
        <source>Cash: float ¥{float} + taken ¥{taken} − change ¥{change} + paid in ¥{pin} − paid out ¥{pout} − voids ¥{voids} − refunds ¥{refunds} = expected ¥{expected}.</source>
        <translation>现金：备用金 ¥{float} + 收款 ¥{taken} − 找零 ¥{change} + 存入 ¥{pin} − 取出 ¥{pout} − 冲正 ¥{voids} − 退款 ¥{refunds} = 应有 ¥{expected}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="251"/>
        <source>Payments or cash movements were recorded after this count: count again.</source>
        <translation>本次清点后又有收费或现金存取记录，请重新清点。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="285"/>
        <source>Shift opened.</source>
        <translation>已开班。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="312"/>
        <source>Paid in ¥{amount}.</source>
        <translation>已存入 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="312"/>
        <source>Paid out ¥{amount}.</source>
        <translation>已取出 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="340"/>
        <source>Count recorded: ¥{total} in the drawer.</source>
        <translation>清点已登记：钱箱内共 ¥{total}。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="358"/>
        <source>Record a difference</source>
        <translation>登记差额</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="359"/>
        <source>{method}: {difference}. Give the reason; a supervisor confirms it.</source>
        <translation>{method}：{difference}。请填写原因，由主管确认。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="362"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="389"/>
        <source>{difference} recorded, approved by {badge}.</source>
        <translation>已登记{difference}，由{badge}确认。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/shift_panel.py" line="407"/>
        <source>Shift closed: expected ¥{expected}, counted ¥{counted}.</source>
        <translation>已交班：应有 ¥{expected}，实点 ¥{counted}。</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="39"/>
        <source>Statement for {name} ({number})</source>
        <translation>{name}（{number}）的对账单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="48"/>
        <source>&amp;Make statement (Enter)</source>
        <translation>生成对账单(&amp;M)（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="58"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="63"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="65"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="83"/>
        <source>Making the statement…</source>
        <translation>正在生成对账单…</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/records/statement_dialog.py" line="103"/>
        <source>Statement for {start} to {end}: print it with Ctrl+P.</source>
        <translation>{start}至{end}的对账单：按Ctrl+P打印。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/supervisor.py" line="54"/>
        <source>Supervisor badge</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/supervisor.py" line="55"/>
        <source>Supervisor password</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/supervisor.py" line="60"/>
        <source>Confirm (Enter)</source>
        <translation>确认（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/supervisor.py" line="63"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>TenderForm</name>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="47"/>
        <source>Pay bills (Alt+B)</source>
        <translation>缴纳账单（Alt+B）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="48"/>
        <source>Buy gas, IC card (Alt+G)</source>
        <translation>IC卡购气（Alt+G）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="49"/>
        <source>Prepay (Alt+P)</source>
        <translation>预存（Alt+P）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="75"/>
        <source>yuan, e.g. 100</source>
        <translation>元，如：100</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="76"/>
        <source>m³, e.g. 20</source>
        <translation>m³，如：20</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="77"/>
        <source>yuan, e.g. 200</source>
        <translation>元，如：200</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="78"/>
        <source>e.g. 200, or + if exact</source>
        <translation>如：200；正好按 +</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="80"/>
        <source>transaction reference number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="94"/>
        <source>Settle the bills first (Alt+B)</source>
        <translation>先缴清欠费（Alt+B）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="98"/>
        <source>Read back (Enter)</source>
        <translation>唱收唱付（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="103"/>
        <source>&amp;Method:</source>
        <translation>支付方式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="104"/>
        <source>Buy for (¥):</source>
        <translation>购气金额（¥）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="105"/>
        <source>or gas (m³):</source>
        <translation>或购气量（m³）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="106"/>
        <source>Prepay (¥):</source>
        <translation>预存金额（¥）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="107"/>
        <source>Cash &amp;received (¥):</source>
        <translation>实收现金(&amp;R)（¥）：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="108"/>
        <source>Re&amp;ference:</source>
        <translation>流水号(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/tender_form.py" line="109"/>
        <source>Change:</source>
        <translation>找零：</translation>
    </message>
</context>
<context>
    <name>TierEditor</name>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="33"/>
        <source>Tier</source>
        <translation>档</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="34"/>
        <source>Annual volume up to (m³)</source>
        <translation>年用气量上限（立方米）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="35"/>
        <source>Price (yuan per m³)</source>
        <translation>价格（元/立方米）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="38"/>
        <source>Add a tier</source>
        <translation>增加一档</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="40"/>
        <source>Remove the last tier</source>
        <translation>删去最后一档</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="52"/>
        <source>Tier {n}</source>
        <translation>第{n}档</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/dayend/tier_editor.py" line="93"/>
        <source>(and above)</source>
        <translation>（以上）</translation>
    </message>
</context>
<context>
    <name>TimeslotField</name>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="249"/>
        <source>(no visit)</source>
        <translation>（不预约上门）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="255"/>
        <source>{slot} — over</source>
        <translation>{slot} — 已过</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="257"/>
        <source>{slot} — {free} free</source>
        <translation>{slot} — 余{free}个</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/form_widgets.py" line="259"/>
        <source>{slot} — full</source>
        <translation>{slot} — 已约满</translation>
    </message>
</context>
<context>
    <name>TodaysPayments</name>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="39"/>
        <source>Reprint (Ctrl+P)</source>
        <translation>重印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="41"/>
        <source>Void… (F9)</source>
        <translation>冲正…（F9）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="51"/>
        <source>&amp;Today&apos;s payments at this office</source>
        <translation>本营业室今日收费(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="111"/>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="119"/>
        <source>Choose a payment in the list first.</source>
        <translation>请先在列表中选择一笔收费。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="122"/>
        <source>This payment cannot be voided.</source>
        <translation>该笔收费不能冲正。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/todays_payments.py" line="132"/>
        <source>Voided; void slip {code}.</source>
        <translation>已冲正，冲正单号{code}。</translation>
    </message>
</context>
<context>
    <name>UnlockBadgeDialog</name>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="39"/>
        <source>Unlock a badge</source>
        <translation>主管解锁工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="42"/>
        <source>A supervisor of this office unlocks a badge that is locked after too many wrong passwords. The unlock is recorded with the supervisor&apos;s badge.</source>
        <translation>工号因密码错误次数过多被锁定时，由本营业室的主管解锁；解锁记录主管的工号。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="53"/>
        <source>Locked badge</source>
        <translation>被锁定的工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="54"/>
        <source>Supervisor badge</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="55"/>
        <source>Supervisor password</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="56"/>
        <source>Unlock (Enter)</source>
        <translation>解锁（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="60"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/unlock_dialog.py" line="85"/>
        <source>Enter the locked badge.</source>
        <translation>请输入被锁定的工号。</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <location filename="../../gasdesk/ui/records/usage_chart.py" line="75"/>
        <source>Gas used per month (m³)</source>
        <translation>月用气量（m³）</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="39"/>
        <source>Due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="40"/>
        <source>Form</source>
        <translation>业务单</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="41"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="42"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="43"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="58"/>
        <source>What the customer said</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="63"/>
        <source>Recor&amp;d return visit</source>
        <translation>登记回访(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/formdesk/visits.py" line="109"/>
        <source>Return visit for {number} recorded.</source>
        <translation>{number}的回访已登记。</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="45"/>
        <source>Void payment {code}</source>
        <translation>冲正收费 {code}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="48"/>
        <source>{kind} {code}: account {number} {name}, {method} ¥{amount}</source>
        <translation>{kind} {code}：户号 {number} {name}，{method} ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="60"/>
        <source>A void needs a supervisor. The payment stays on record; a reversing entry and a void slip are made.</source>
        <translation>冲正需值班主管授权。原收费记录保留，系统将另行生成一笔冲正记录和冲正单。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="71"/>
        <source>e.g. wrong amount entered, customer changed payment method</source>
        <translation>如：金额录入错误、客户更换支付方式</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="74"/>
        <source>Supervisor badge:</source>
        <translation>主管工号：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="75"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="76"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="78"/>
        <source>Void (Enter)</source>
        <translation>冲正（Enter）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/fees/void_dialog.py" line="80"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
</TS>
