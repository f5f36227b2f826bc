<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="20" />
        <source>{office} · counter {counter}</source>
        <translation>{office} · {counter}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="25" />
        <source>Teller {badge} {name}</source>
        <translation>营业员 {badge} {name}</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="42" />
        <source>Hall not yet open</source>
        <translation>尚未营业</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="43" />
        <source>Hall open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="44" />
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/status.py" line="45" />
        <source>Hall closed</source>
        <translation>已下班</translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="41" />
        <source>Account number, name, phone, meter or address (F6)</source>
        <translation>户号、姓名、电话、表号或地址（F6）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="46" />
        <location filename="../../gasdesk/ui/customer_bar.py" line="194" />
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="50" />
        <source>Next customer (F12)</source>
        <translation>下一位（F12）</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="64" />
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="116" />
        <source>No customer found for “{text}”.</source>
        <translation>未找到“{text}”对应的客户。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="196" />
        <source>IC card</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="196" />
        <source>mechanical</source>
        <translation>机械表</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/customer_bar.py" line="197" />
        <source>balance ¥{amount}</source>
        <translation>余额 ¥{amount}</translation>
    </message>
</context>
<context>
    <name>DayEndTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="18" />
        <source>Not available yet</source>
        <translation>暂未开通</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/dayend_tab.py" line="20" />
        <source>Counting the cash drawer and closing the day is not available in this version.</source>
        <translation>本版本暂不提供日结对账功能。</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/fees_tab.py" line="18" />
        <source>Not available yet</source>
        <translation>暂未开通</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/fees_tab.py" line="19" />
        <source>Collecting gas fees is not available in this version.</source>
        <translation>本版本暂不提供收费功能。</translation>
    </message>
</context>
<context>
    <name>FormsTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="18" />
        <source>Not available yet</source>
        <translation>暂未开通</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/forms_tab.py" line="20" />
        <source>Filling business forms for the customer is not available in this version.</source>
        <translation>本版本暂不提供业务受理功能。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="40" />
        <source>GasDesk — log in</source>
        <translation>燃气营业厅柜台 — 登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="43" />
        <source>GasDesk counter</source>
        <translation>燃气营业厅柜台</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="64" />
        <source>e.g. MS01</source>
        <translation>例如 MS01</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="76" />
        <source>Office</source>
        <translation>营业室</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="77" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="78" />
        <source>Badge number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="79" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="81" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="85" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="105" />
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/login.py" line="116" />
        <source>Choose the office and counter.</source>
        <translation>请选择营业室和窗口。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="30" />
        <source>GasDesk — {office}, counter {counter}</source>
        <translation>燃气营业厅柜台 — {office} {counter}号窗口</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="55" />
        <source>Courtesy phrases</source>
        <translation>服务用语</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="67" />
        <source>Business forms</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="68" />
        <source>Fee collection</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="69" />
        <source>Meter records</source>
        <translation>抄表查询</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="70" />
        <source>End of day</source>
        <translation>日结对账</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="74" />
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="75" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="90" />
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="91" />
        <source>Next customer</source>
        <translation>下一位客户</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="93" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/main_window.py" line="94" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="26" />
        <source>Enter your badge number and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/services/auth.py" line="29" />
        <source>Badge number or password is wrong.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="38" />
        <source>The disk holding the database is full. Nothing was recorded; free space and try again.</source>
        <translation>数据库所在磁盘已满，未记录任何内容，请清理空间后重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="43" />
        <source>The database is read-only. Nothing was recorded; ask the administrator.</source>
        <translation>数据库为只读，未记录任何内容，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="47" />
        <source>The database is busy with another counter. Nothing was recorded; try again.</source>
        <translation>数据库正被其他窗口占用，未记录任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="52" />
        <source>The disk reported an error. Nothing was recorded; try again or call the administrator.</source>
        <translation>磁盘报告错误，未记录任何内容，请重试或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="57" />
        <source>The database file is damaged. Nothing was recorded; call the administrator.</source>
        <translation>数据库文件已损坏，未记录任何内容，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="62" />
        <source>The connection to the shared database was lost. Nothing was recorded; try again.</source>
        <translation>与共享数据库的连接已断开，未记录任何内容，请重试。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/storage/errors.py" line="66" />
        <source>The database refused the change ({error}). Nothing was recorded.</source>
        <translation>数据库拒绝了此次修改（{error}），未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/messages.py" line="24" />
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="31" />
        <source>Basic phrases</source>
        <translation>基本服务用语</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/phrase_panel.py" line="35" />
        <source>Tactful expressions</source>
        <translation>委婉的表达方式</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="18" />
        <source>Not available yet</source>
        <translation>暂未开通</translation>
    </message>
    <message>
        <location filename="../../gasdesk/ui/tabs/records_tab.py" line="19" />
        <source>Looking up meter readings and bills is not available in this version.</source>
        <translation>本版本暂不提供抄表查询功能。</translation>
    </message>
</context>
</TS>