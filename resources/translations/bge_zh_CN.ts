<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>bge::ApiError</name>
    <message>
        <source>Could not reach the platform. Check the network connection and the endpoint address.</source>
        <translation>无法连接到平台。请检查网络连接和平台地址。</translation>
    </message>
    <message>
        <source>The platform did not answer in time.</source>
        <translation>平台响应超时。</translation>
    </message>
    <message>
        <source>The platform had an internal problem (HTTP %1). Try again later.</source>
        <translation>平台内部出错（HTTP %1），请稍后重试。</translation>
    </message>
    <message>
        <source>The platform refused the request (HTTP %1).</source>
        <translation>平台拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The sign-in has expired or is invalid (%1 %2). Sign in again.</source>
        <translation>登录已过期或无效（%1 %2），请重新登录。</translation>
    </message>
    <message>
        <source>The platform refused the request (%1 %2).</source>
        <translation>平台拒绝了请求（%1 %2）。</translation>
    </message>
    <message>
        <source>The platform sent a response this version cannot read.</source>
        <translation>当前版本无法解析平台返回的响应。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Not signed in, or the sign-in could not be renewed.</source>
        <translation>未登录，或登录状态无法续期。</translation>
    </message>
    <message>
        <source>The request is not valid: %1</source>
        <translation>参数错误：%1</translation>
    </message>
</context>
<context>
    <name>bge::CredentialStore</name>
    <message>
        <source>no Secret Service such as GNOME Keyring or KWallet is running</source>
        <translation>没有正在运行的 Secret Service 服务（如 GNOME Keyring 或 KWallet）</translation>
    </message>
    <message>
        <source>the Secret Service has no default keyring</source>
        <translation>Secret Service 中没有默认密钥环</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus</source>
        <translation>没有可用的 D-Bus 会话总线</translation>
    </message>
    <message>
        <source>No saved secret was found.</source>
        <translation>未找到已保存的密钥。</translation>
    </message>
    <message>
        <source>No system keychain is available; the secret is kept for this session only and will be asked for again.</source>
        <translation>系统钥匙串不可用；密钥仅在本次会话中保留，之后需要重新提供。</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds.</source>
        <translation>系统钥匙串在 %1 秒内没有响应。</translation>
    </message>
    <message>
        <source>The secret could not be read from the system keychain: %1</source>
        <translation>无法从系统钥匙串读取密钥：%1</translation>
    </message>
    <message>
        <source>The secret could not be saved in the system keychain: %1</source>
        <translation>无法将密钥保存到系统钥匙串：%1</translation>
    </message>
    <message>
        <source>The secret could not be removed from the system keychain: %1</source>
        <translation>无法从系统钥匙串删除密钥：%1</translation>
    </message>
    <message>
        <source>No system keychain is available (%1); secrets are kept for this session only and will be asked for again.</source>
        <translation>系统钥匙串不可用（%1）；密钥仅在本次会话中保留，之后需要重新提供。</translation>
    </message>
</context>
<context>
    <name>bge::LoopbackRedirectListener</name>
    <message>
        <source>Signed in. You can close this window and return to BGE Desktop.</source>
        <translation>登录成功。现在可以关闭此窗口并返回 BGE Desktop。</translation>
    </message>
    <message>
        <source>Sign-in did not complete. Return to BGE Desktop for details.</source>
        <translation>登录未完成。请返回 BGE Desktop 查看详情。</translation>
    </message>
</context>
<context>
    <name>bge::PlatformApi</name>
    <message>
        <source>a biosample id is required</source>
        <translation>需要提供样品编号</translation>
    </message>
    <message>
        <source>at least one external sample id is required</source>
        <translation>至少需要提供一个外部样品编号</translation>
    </message>
    <message>
        <source>give at least one field to set</source>
        <translation>请至少指定一个要设置的字段</translation>
    </message>
    <message>
        <source>give at least one rsid</source>
        <translation>请至少提供一个 rsid</translation>
    </message>
    <message>
        <source>not an rsid (rs followed by digits): %1</source>
        <translation>不是有效的 rsid（应为 rs 后接数字）：%1</translation>
    </message>
    <message>
        <source>unknown function catalog &quot;%1&quot; (one of: %2)</source>
        <translation>未知的功能数据库“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>unknown gene catalog &quot;%1&quot; (one of: %2)</source>
        <translation>未知的基因数据库“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>data type must be &quot;list&quot; or &quot;file&quot;, not &quot;%1&quot;</source>
        <translation>数据类型必须为 list 或 file，而不是“%1”</translation>
    </message>
    <message>
        <source>a model id is required</source>
        <translation>需要提供模型 ID</translation>
    </message>
    <message>
        <source>samples are paged by number, not by cursor: %1</source>
        <translation>样品列表按页码分页，不接受游标：%1</translation>
    </message>
    <message>
        <source>taxa are paged by number, not by cursor: %1</source>
        <translation>微生物类群丰度按页码分页，不接受游标：%1</translation>
    </message>
</context>
<context>
    <name>bge::Profile</name>
    <message>
        <source>The endpoint is not a valid address.</source>
        <translation>平台地址无效。</translation>
    </message>
    <message>
        <source>Plain http:// is refused for %1: tokens and secrets would cross the network unencrypted. Use https://, or http:// only for this computer (127.0.0.1, localhost).</source>
        <translation>拒绝对 %1 使用明文 http://：令牌和密钥会以未加密的形式在网络上传输。请使用 https://；http:// 仅可用于本机（127.0.0.1、localhost）。</translation>
    </message>
    <message>
        <source>The endpoint must start with https://.</source>
        <translation>平台地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The endpoint must not contain a user name or password.</source>
        <translation>平台地址中不能包含用户名或密码。</translation>
    </message>
</context>
<context>
    <name>bge::SessionStore</name>
    <message>
        <source>No system keychain is available: the sign-in is kept only until this program ends.</source>
        <translation>系统钥匙串不可用：登录状态仅保留到本程序退出为止。</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret.</source>
        <translation>系统钥匙串拒绝保存密钥。</translation>
    </message>
</context>
<context>
    <name>bge::cli</name>
    <message>
        <source>the client secret is never taken as an argument (it would show in the process list and in shell history): use the BGE_CLIENT_SECRET environment variable, --client-secret-file FILE, or the keychain (stored by `bge login`)</source>
        <translation>客户端密钥不能作为命令行参数传入（否则会出现在进程列表和 shell 历史记录中）：请使用环境变量 BGE_CLIENT_SECRET、--client-secret-file FILE，或系统钥匙串（由 `bge login` 保存）</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>选项 --%1 需要一个值</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 1 and 3600</source>
        <translation>--timeout 的值应为 1 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>expected key=value, got &quot;%1&quot;</source>
        <translation>应为 key=value 格式，实际为“%1”</translation>
    </message>
    <message>
        <source>--limit takes a number between 1 and %1</source>
        <translation>--limit 的值应为 1 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>--page takes a page number or the cursor a previous page printed</source>
        <translation>--page 的值应为页码，或上一页输出的游标</translation>
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
        <source>the platform returned the page &quot;%1&quot; twice</source>
        <translation>平台重复返回了同一页“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation>，共 %1 条</translation>
    </message>
    <message>
        <source>; next page: --page %1</source>
        <translation>；下一页：--page %1</translation>
    </message>
    <message>
        <source>--%1: unknown value &quot;%2&quot; (known: %3)</source>
        <translation>--%1：未知的值“%2”（可选值：%3）</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>未知选项 --%1</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>选项 --%1 不接受值</translation>
    </message>
    <message>
        <source>Usage: bge [global options] COMMAND [arguments]

Commands:
</source>
        <translation>用法：bge [全局选项] COMMAND [参数]

命令：
</translation>
    </message>
    <message>
        <source>show help for a command</source>
        <translation>显示命令的帮助</translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 API error, 2 usage error, 3 transport or authentication failure.
</source>
        <translation>
退出码：0 成功，1 API 错误，2 用法错误，3 网络传输或认证失败。
</translation>
    </message>
    <message>
        <source>bge: %1</source>
        <translation>bge: %1</translation>
    </message>
    <message>
        <source>bge: unknown command &quot;%1&quot;</source>
        <translation>bge: 未知命令“%1”</translation>
    </message>
    <message>
        <source>bge: unknown command &quot;%1&quot; (see `bge help`)</source>
        <translation>bge: 未知命令“%1”（参见 `bge help`）</translation>
    </message>
    <message>
        <source>Global options (before or after the command):
  --profile NAME             use the named profile (default: BGE_PROFILE or &quot;default&quot;)
  --endpoint URL             platform address: main, backup, or a URL (https://; http:// only
                             on this computer, e.g. the bge-sandbox)
  --client-id ID             client application id
  --client-secret-file FILE  read the client secret from FILE (or set BGE_CLIENT_SECRET)
  --json                     print the platform&apos;s data as JSON on stdout
  --timeout SECONDS          give up on a silent server after this long (default 60)
  --verbose                  log requests (never tokens or secrets) to stderr
  --version, --help
</source>
        <translation>全局选项（可放在命令之前或之后）：
  --profile NAME             使用指定的配置（默认：BGE_PROFILE 或 &quot;default&quot;）
  --endpoint URL             平台地址：main、backup 或一个 URL（https://；http:// 仅限
                             本机，例如 bge-sandbox）
  --client-id ID             客户端应用 ID
  --client-secret-file FILE  从 FILE 读取客户端密钥（或设置 BGE_CLIENT_SECRET）
  --json                     以 JSON 格式在标准输出打印平台返回的数据
  --timeout SECONDS          服务器无响应超过该时长即放弃（默认 60）
  --verbose                  在标准错误输出记录请求（绝不包含令牌或密钥）
  --version, --help
</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1: %2 in %3 s (%4/s)
</source>
        <translation>%1：%2，用时 %3 秒（%4/s）
</translation>
    </message>
</context>
<context>
    <name>bge::cli::CliContext</name>
    <message>
        <source>bge: warning: %1</source>
        <translation>bge: 警告：%1</translation>
    </message>
    <message>
        <source>invalid profile name &quot;%1&quot; (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;)</source>
        <translation>无效的配置名称“%1”（只能包含字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;）</translation>
    </message>
    <message>
        <source>cannot read the client secret file %1: %2</source>
        <translation>无法读取客户端密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>the client secret file %1 is empty</source>
        <translation>客户端密钥文件 %1 为空</translation>
    </message>
    <message>
        <source>the stored sign-in needs the client secret to be renewed: set BGE_CLIENT_SECRET or --client-secret-file, or run `bge login` again</source>
        <translation>已保存的登录状态需要客户端密钥才能续期：请设置 BGE_CLIENT_SECRET 或 --client-secret-file，或重新运行 `bge login`</translation>
    </message>
    <message>
        <source>not signed in: run `bge login`, or give --client-id and a client secret for client credentials</source>
        <translation>未登录：请运行 `bge login`，或提供 --client-id 和客户端密钥以使用客户端模式</translation>
    </message>
    <message>
        <source>not signed in: run `bge login`</source>
        <translation>未登录：请运行 `bge login`</translation>
    </message>
    <message>
        <source>not signed in and no client secret: run `bge login`, or set BGE_CLIENT_SECRET (or --client-secret-file) to use client credentials</source>
        <translation>未登录且未提供客户端密钥：请运行 `bge login`，或设置 BGE_CLIENT_SECRET（或 --client-secret-file）以使用客户端模式</translation>
    </message>
    <message>
        <source>bge: error %1: %2</source>
        <translation>bge: 错误 %1：%2</translation>
    </message>
    <message>
        <source>bge: %1</source>
        <translation>bge: %1</translation>
    </message>
    <message>
        <source>bge: warning: the keychain could not be read: %1</source>
        <translation>bge: 警告：无法读取系统钥匙串：%1</translation>
    </message>
</context>
<context>
    <name>bge::cli::DownloadCommand</name>
    <message>
        <source>download an object (a sample&apos;s file, a result file)</source>
        <translation>下载对象（样品文件、结果文件）</translation>
    </message>
    <message>
        <source>Usage: bge download OBJECT_NAME [-o PATH] [--overwrite]

Downloads through a signed URL into PATH (default: the object&apos;s file name here), resuming
an interrupted download, and checks the size and CRC-64 before the file appears.
  -o, --output PATH   file or folder to write to
  --overwrite         replace an existing file
</source>
        <translation>用法：bge download OBJECT_NAME [-o PATH] [--overwrite]

通过签名 URL 下载到 PATH（默认：当前目录下与对象同名的文件），中断的下载会续传，
文件在大小和 CRC-64 校验通过后才会出现。
  -o, --output PATH   写入的文件或文件夹
  --overwrite         替换已存在的文件
</translation>
    </message>
    <message>
        <source>give exactly one object name</source>
        <translation>请只提供一个对象名称</translation>
    </message>
    <message>
        <source>not an object name: %1</source>
        <translation>不是有效的对象名称：%1</translation>
    </message>
</context>
<context>
    <name>bge::cli::ExternalsCommand</name>
    <message>
        <source>find biosample ids by external sample ids</source>
        <translation>根据外部样品编号查找样品编号</translation>
    </message>
    <message>
        <source>Usage: bge externals EXTERNAL_ID… [--site SITE] [--project PROJECT_ID]
</source>
        <translation>用法：bge externals EXTERNAL_ID… [--site SITE] [--project PROJECT_ID]
</translation>
    </message>
    <message>
        <source>give at least one external sample id</source>
        <translation>请至少提供一个外部样品编号</translation>
    </message>
    <message>
        <source>--site: unknown site &quot;%1&quot;</source>
        <translation>--site：未知的采样部位“%1”</translation>
    </message>
    <message>
        <source>EXTERNAL ID</source>
        <translation>外部样品编号</translation>
    </message>
    <message>
        <source>BIOSAMPLE ID</source>
        <translation>样品编号</translation>
    </message>
</context>
<context>
    <name>bge::cli::FunctionsCommand</name>
    <message>
        <source>function abundance of a sample in one catalog</source>
        <translation>样品在指定数据库中的功能丰度</translation>
    </message>
    <message>
        <source>Usage: bge functions BIOSAMPLE_ID CATALOG [--ids ID…] [--page CURSOR] [--limit N] [--all]

Catalogs: %1
</source>
        <translation>用法：bge functions BIOSAMPLE_ID CATALOG [--ids ID…] [--page CURSOR] [--limit N] [--all]

数据库：%1
</translation>
    </message>
    <message>
        <source>give a biosample id and a catalog</source>
        <translation>请提供样品编号和数据库</translation>
    </message>
    <message>
        <source>unknown catalog &quot;%1&quot;</source>
        <translation>未知的数据库“%1”</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>功能 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>注释体系</translation>
    </message>
</context>
<context>
    <name>bge::cli::GenesCommand</name>
    <message>
        <source>gene abundance of a sample (a list, or result files)</source>
        <translation>样品的基因丰度（列表或结果文件）</translation>
    </message>
    <message>
        <source>Usage: bge genes BIOSAMPLE_ID CATALOG TYPE [--ids ID…] [--page CURSOR] [--limit N] [--all]

Catalogs: %1. Types: list, file (UniRef90_HUMAnN2_0.11 supports file only).
</source>
        <translation>用法：bge genes BIOSAMPLE_ID CATALOG TYPE [--ids ID…] [--page CURSOR] [--limit N] [--all]

数据库：%1。类型：list、file（UniRef90_HUMAnN2_0.11 仅支持 file）。
</translation>
    </message>
    <message>
        <source>give a biosample id, a catalog and a type</source>
        <translation>请提供样品编号、数据库和类型</translation>
    </message>
    <message>
        <source>unknown catalog &quot;%1&quot;</source>
        <translation>未知的数据库“%1”</translation>
    </message>
    <message>
        <source>the type is list or file, not &quot;%1&quot;</source>
        <translation>类型应为 list 或 file，而不是“%1”</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>OBJECT NAME</source>
        <translation>对象名称</translation>
    </message>
    <message>
        <source>GENE ID</source>
        <translation>基因 ID</translation>
    </message>
    <message>
        <source>GENE NAME</source>
        <translation>基因名称</translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>KEGG</source>
        <translation>KEGG</translation>
    </message>
    <message>
        <source>GENUS</source>
        <translation>属</translation>
    </message>
</context>
<context>
    <name>bge::cli::ImproveSampleCommand</name>
    <message>
        <source>fill in fields of a sample that are still empty</source>
        <translation>补全样品中仍为空的字段</translation>
    </message>
    <message>
        <source>Usage: bge improve-sample BIOSAMPLE_ID field=value…

Only fields that are still empty can be set: the platform refuses changes.
Fields: library_id, library_strategy, library_source, library_selection, library_layout, …
</source>
        <translation>用法：bge improve-sample BIOSAMPLE_ID field=value…

只能设置仍为空的字段：平台不允许修改已有的值。
字段：library_id, library_strategy, library_source, library_selection, library_layout, …
</translation>
    </message>
    <message>
        <source>give a biosample id and at least one field=value</source>
        <translation>请提供样品编号和至少一个 field=value</translation>
    </message>
    <message>
        <source>Updated %1: %2
</source>
        <translation>已更新 %1：%2
</translation>
    </message>
</context>
<context>
    <name>bge::cli::LoginCommand</name>
    <message>
        <source>sign in (browser and loopback redirect, or client credentials)</source>
        <translation>登录（通过浏览器和本机回环重定向，或使用客户端模式）</translation>
    </message>
    <message>
        <source>Usage: bge login [--no-browser] [--scope SCOPE…] [--wait SECONDS]
       bge login --client-credentials

Signs in through the platform&apos;s authorization page in your browser; the answer comes back
to a listener on 127.0.0.1 (RFC 8252), protected by state and PKCE. The session and the
client secret are kept in the system keychain for later commands.
  --no-browser          print the address to open instead of starting a browser
  --scope SCOPE         ask for these scopes only (repeat or separate with commas)
  --wait SECONDS        how long to wait for the browser (default 300)
  --client-credentials  authenticate as the application itself (no user)
</source>
        <translation>用法：bge login [--no-browser] [--scope SCOPE…] [--wait SECONDS]
      bge login --client-credentials

在浏览器中打开平台的授权页面进行登录；授权结果返回到 127.0.0.1 上的本机监听器
（RFC 8252），并由 state 和 PKCE 保护。会话和客户端密钥保存在系统钥匙串中，
供后续命令使用。
  --no-browser          不启动浏览器，只输出需要打开的地址
  --scope SCOPE         仅申请这些授权范围（可重复使用该选项，或用逗号分隔）
  --wait SECONDS        等待浏览器的时长（默认 300 秒）
  --client-credentials  以应用自身的身份认证（客户端模式，不涉及用户）
</translation>
    </message>
    <message>
        <source>login takes no arguments</source>
        <translation>login 不接受参数</translation>
    </message>
    <message>
        <source>give the client application&apos;s id with --client-id (or BGE_CLIENT_ID)</source>
        <translation>请通过 --client-id（或 BGE_CLIENT_ID）指定客户端应用 ID</translation>
    </message>
    <message>
        <source>--wait takes a number of seconds</source>
        <translation>--wait 的值应为秒数</translation>
    </message>
    <message>
        <source>the client secret is needed once: set BGE_CLIENT_SECRET or use --client-secret-file FILE (it is then kept in the keychain)</source>
        <translation>需要提供一次客户端密钥：请设置 BGE_CLIENT_SECRET 或使用 --client-secret-file FILE（之后会保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Authenticated as the application %1 (client credentials). Later commands fetch their own tokens.
</source>
        <translation>已以应用 %1 的身份完成认证（客户端模式）。后续命令会自行获取令牌。
</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>无法在 127.0.0.1 上监听：%1</translation>
    </message>
    <message>
        <source>no answer from the browser in time; run `bge login` again</source>
        <translation>等待浏览器响应超时；请重新运行 `bge login`</translation>
    </message>
    <message>
        <source>the sign-in was not completed (%1)</source>
        <translation>登录未完成（%1）</translation>
    </message>
    <message>
        <source>the answer does not belong to this sign-in (state mismatch); try again</source>
        <translation>收到的授权结果不属于本次登录（state 不匹配）；请重试</translation>
    </message>
    <message>
        <source>Opening the sign-in page in your browser. If nothing opens, visit:
</source>
        <translation>正在浏览器中打开登录页面。如果浏览器没有打开，请访问：
</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:
</source>
        <translation>请在本机的浏览器中打开以下地址进行登录：
</translation>
    </message>
    <message>
        <source>Waiting for the browser (%1 s)…
</source>
        <translation>正在等待浏览器（%1 秒）……
</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2 (profile &quot;%3&quot;).
</source>
        <translation>已以 %1 的身份登录 %2（配置“%3”）。
</translation>
    </message>
</context>
<context>
    <name>bge::cli::LogoutCommand</name>
    <message>
        <source>sign out and forget the stored session and client secret</source>
        <translation>退出登录，并清除已保存的会话和客户端密钥</translation>
    </message>
    <message>
        <source>Usage: bge logout

Removes this profile&apos;s session and client secret from the keychain.
</source>
        <translation>用法：bge logout

从系统钥匙串中删除当前配置的会话和客户端密钥。
</translation>
    </message>
    <message>
        <source>logout takes no arguments</source>
        <translation>logout 不接受参数</translation>
    </message>
    <message>
        <source>Signed out of profile &quot;%1&quot;.
</source>
        <translation>已退出配置“%1”的登录。
</translation>
    </message>
</context>
<context>
    <name>bge::cli::ModelCommand</name>
    <message>
        <source>run an interpretation model</source>
        <translation>运行解读模型</translation>
    </message>
    <message>
        <source>Usage: bge model MODEL_ID key=value…

Parameters are the model&apos;s own, e.g. biosample_id=E-F19149953317.
A model that runs but cannot interpret the sample reports a non-zero model_code;
bge then exits with 1.
</source>
        <translation>用法：bge model MODEL_ID key=value…

参数由各模型自行定义，例如 biosample_id=E-F19149953317。
如果模型运行成功但无法解读该样品，会返回非零的 model_code，
此时 bge 以退出码 1 退出。
</translation>
    </message>
    <message>
        <source>give a model id</source>
        <translation>请提供模型 ID</translation>
    </message>
    <message>
        <source>bge: the model could not interpret this sample (model_code %1: %2)
</source>
        <translation>bge: 模型无法解读该样品（model_code %1：%2）
</translation>
    </message>
</context>
<context>
    <name>bge::cli::RegisterSampleCommand</name>
    <message>
        <source>register a new sample</source>
        <translation>登记新样品</translation>
    </message>
    <message>
        <source>Usage: bge register-sample --external-id ID --site SITE --project PROJECT_ID
                           [--allow-duplicate] [field=value…]

Prints the new biosample id. Extra fields (library_strategy=WGS, …) are sent as given.
</source>
        <translation>用法：bge register-sample --external-id ID --site SITE --project PROJECT_ID
                          [--allow-duplicate] [field=value…]

输出新样品的样品编号。其他字段（library_strategy=WGS, …）按原样提交。
</translation>
    </message>
    <message>
        <source>--external-id, --site and --project are required</source>
        <translation>必须提供 --external-id、--site 和 --project</translation>
    </message>
</context>
<context>
    <name>bge::cli::SampleCommand</name>
    <message>
        <source>show one sample in full, with its files</source>
        <translation>显示单个样品的完整信息及其文件</translation>
    </message>
    <message>
        <source>Usage: bge sample BIOSAMPLE_ID
</source>
        <translation>用法：bge sample BIOSAMPLE_ID
</translation>
    </message>
    <message>
        <source>give exactly one biosample id</source>
        <translation>请只提供一个样品编号</translation>
    </message>
    <message>
        <source>Biosample id</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部样品编号</translation>
    </message>
    <message>
        <source>Organism</source>
        <translation>物种</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>采样部位</translation>
    </message>
    <message>
        <source>Omics</source>
        <translation>组学</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>所属项目</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>采集时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Data available</source>
        <translation>数据可用</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主样品</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>测序平台</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>测序仪型号</translation>
    </message>
    <message>
        <source>Read type</source>
        <translation>读长类型</translation>
    </message>
    <message>
        <source>Sequenced</source>
        <translation>测序时间</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>测序深度</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖度</translation>
    </message>
    <message>
        <source>Base pairs (Gb)</source>
        <translation>碱基数（Gb）</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变异位点数</translation>
    </message>
    <message>
        <source>Human contamination</source>
        <translation>人源污染</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>OBJECT NAME</source>
        <translation>对象名称</translation>
    </message>
</context>
<context>
    <name>bge::cli::SamplesCommand</name>
    <message>
        <source>list samples, with every filter of the platform</source>
        <translation>列出样品，支持平台提供的全部筛选条件</translation>
    </message>
    <message>
        <source>Usage: bge samples [filters] [--page N] [--limit N] [--all]

Filters (repeat an option or separate values with commas):
  --ids ID…                biosample ids
  --sites SITE…            biosample sites, by code (1–15) or name (blood, feces, saliva…)
  --omics OMICS…           1 genomics, 2 metagenomics
  --organisms ORGANISM…    1 human, 2 mouse, 3 rat
  --projects PROJECT…      project ids
  --statuses STATUS…       status codes (1001, 2001, 3001, 4001, 5001, 9001)
  --data-availability yes|no
  --with-files             include each sample&apos;s result files
Paging:
  --page N                 page to show (default 1)
  --limit N                samples per page (1–100, default 50)
  --all                    follow the pages to the end
</source>
        <translation>用法：bge samples [筛选条件] [--page N] [--limit N] [--all]

筛选条件（可重复使用选项，或用逗号分隔多个值）：
  --ids ID…                样品编号
  --sites SITE…            采样部位，可用代码（1–15）或名称（blood, feces, saliva…）
  --omics OMICS…           1 genomics（基因组学），2 metagenomics（宏基因组学）
  --organisms ORGANISM…    1 human（人），2 mouse（小鼠），3 rat（大鼠）
  --projects PROJECT…      项目 ID
  --statuses STATUS…       状态代码（1001, 2001, 3001, 4001, 5001, 9001）
  --data-availability yes|no
  --with-files             同时返回每个样品的结果文件
分页：
  --page N                 要显示的页码（默认 1）
  --limit N                每页样品数（1–100，默认 50）
  --all                    自动翻页直到最后一页
</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>--data-availability takes yes or no</source>
        <translation>--data-availability 的值应为 yes 或 no</translation>
    </message>
    <message>
        <source>BIOSAMPLE ID</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>SITE</source>
        <translation>采样部位</translation>
    </message>
    <message>
        <source>OMICS</source>
        <translation>组学</translation>
    </message>
    <message>
        <source>ORGANISM</source>
        <translation>物种</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>COLLECTED</source>
        <translation>采集日期</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>数据可用</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>文件数</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) shown</source>
        <translation>
            <numerusform>已显示 %n 个样品</numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation>，共 %1 个</translation>
    </message>
    <message>
        <source>; next page: --page %1</source>
        <translation>；下一页：--page %1</translation>
    </message>
</context>
<context>
    <name>bge::cli::TaxaCommand</name>
    <message>
        <source>taxon abundance of a sample, against its reference cohort</source>
        <translation>样品的微生物类群丰度，并与参考队列比较</translation>
    </message>
    <message>
        <source>Usage: bge taxa BIOSAMPLE_ID [--taxon TAXON_ID…] [--page N] [--limit N] [--all]
</source>
        <translation>用法：bge taxa BIOSAMPLE_ID [--taxon TAXON_ID…] [--page N] [--limit N] [--all]
</translation>
    </message>
    <message>
        <source>give exactly one biosample id</source>
        <translation>请只提供一个样品编号</translation>
    </message>
    <message>
        <source>TAXON ID</source>
        <translation>类群 ID</translation>
    </message>
    <message>
        <source>RANK</source>
        <translation>分类水平</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>COHORT MEDIAN</source>
        <translation>队列中位数</translation>
    </message>
    <message>
        <source>COHORT 5–95%</source>
        <translation>队列 5–95%</translation>
    </message>
    <message>
        <source>RANK RATIO</source>
        <translation>排名百分位</translation>
    </message>
</context>
<context>
    <name>bge::cli::UploadCommand</name>
    <message>
        <source>upload files to the platform&apos;s object storage</source>
        <translation>上传文件到平台的对象存储</translation>
    </message>
    <message>
        <source>Usage: bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]

Each file goes to &lt;destination&gt;/&lt;file name&gt; of the platform&apos;s storage. Files of 100 MiB
and more are sent in parts, N at a time (default 4), each checked by CRC-64. An interrupted
upload resumes when the same command runs again. An existing object is not replaced
unless --overwrite. With --json: [{&quot;file&quot;, &quot;object_name&quot;, &quot;size&quot;, &quot;crc64&quot;}, …].
  --jobs N           parts in flight at once (1–16)
  --part-size SIZE   e.g. 8M, 64MiB (100 KiB to 5 GiB; default from the file size)
</source>
        <translation>用法：bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]

每个文件上传到平台存储的 &lt;destination&gt;/&lt;文件名&gt;。100 MiB 及以上的文件分片上传，
同时 N 个分片（默认 4），每个分片都经 CRC-64 校验。中断的上传再次运行同一命令即可续传。
已存在的对象不会被替换，除非使用 --overwrite。使用 --json 时输出：[{&quot;file&quot;, &quot;object_name&quot;, &quot;size&quot;, &quot;crc64&quot;}, …]。
  --jobs N           同时传输的分片数（1–16）
  --part-size SIZE   例如 8M、64MiB（100 KiB 到 5 GiB；默认按文件大小选择）
</translation>
    </message>
    <message>
        <source>give at least one file</source>
        <translation>请至少提供一个文件</translation>
    </message>
    <message>
        <source>--jobs takes a number between 1 and 16</source>
        <translation>--jobs 的值应为 1 到 16 之间的数字</translation>
    </message>
    <message>
        <source>--part-size takes a size between 100K and 5G, e.g. 8M</source>
        <translation>--part-size 的值应为 100K 到 5G 之间的大小，例如 8M</translation>
    </message>
    <message>
        <source>not a readable file: %1</source>
        <translation>不是可读取的文件：%1</translation>
    </message>
    <message>
        <source>bge: %1 was not uploaded</source>
        <translation>bge: %1 未上传</translation>
    </message>
</context>
<context>
    <name>bge::cli::VariantsCommand</name>
    <message>
        <source>genotypes of a sample at the given rsids</source>
        <translation>样品在指定 rsid 位点上的基因型</translation>
    </message>
    <message>
        <source>Usage: bge variants BIOSAMPLE_ID RSID… [--file FILE]

Rsids may be separated by spaces, commas or new lines; --file reads them from a file
(&quot;-&quot; for standard input). More than 100 are sent in several calls.
</source>
        <translation>用法：bge variants BIOSAMPLE_ID RSID… [--file FILE]

多个 rsid 可用空格、逗号或换行分隔；--file 从文件中读取 rsid
（&quot;-&quot; 表示标准输入）。超过 100 个时会分多次请求发送。
</translation>
    </message>
    <message>
        <source>give a biosample id and rsids</source>
        <translation>请提供样品编号和 rsid</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>give at least one rsid</source>
        <translation>请至少提供一个 rsid</translation>
    </message>
    <message>
        <source>not an rsid (rs followed by digits): %1</source>
        <translation>不是有效的 rsid（应为 rs 后接数字）：%1</translation>
    </message>
    <message>
        <source>RSID</source>
        <translation>RSID</translation>
    </message>
    <message>
        <source>GENE</source>
        <translation>基因</translation>
    </message>
    <message>
        <source>POSITION</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>REF</source>
        <translation>参考碱基</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>变异碱基</translation>
    </message>
    <message>
        <source>GENOTYPE</source>
        <translation>基因型</translation>
    </message>
    <message>
        <source>ZYGOSITY</source>
        <translation>纯杂合</translation>
    </message>
    <message>
        <source>DP</source>
        <translation>DP</translation>
    </message>
    <message>
        <source>GQ</source>
        <translation>GQ</translation>
    </message>
    <message>
        <source>ALT FREQ</source>
        <translation>变异频率</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>未分型</translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s)</source>
        <translation>
            <numerusform>%n 个变异位点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::WhoamiCommand</name>
    <message>
        <source>show the signed-in user and the token&apos;s details</source>
        <translation>显示当前登录的用户及令牌详情</translation>
    </message>
    <message>
        <source>Usage: bge whoami

Shows the user (for user sign-ins) and the access token&apos;s client, scopes and expiry.
</source>
        <translation>用法：bge whoami

显示用户信息（仅限用户登录）以及访问令牌的客户端、授权范围和过期时间。
</translation>
    </message>
    <message>
        <source>whoami takes no arguments</source>
        <translation>whoami 不接受参数</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授权模式</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>授权范围</translation>
    </message>
    <message>
        <source>Token active</source>
        <translation>令牌有效</translation>
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
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
</context>
</TS>
