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
    <message>
        <source>The service refused the request (%1: %2).</source>
        <translation>服务拒绝了请求（%1：%2）。</translation>
    </message>
</context>
<context>
    <name>bge::AuthorizationRequest</name>
    <message>
        <source>The answer does not belong to this sign-in (state mismatch). Try again.</source>
        <translation>返回结果不属于本次登录（state 不匹配）。请重试。</translation>
    </message>
    <message>
        <source>The sign-in was not completed (%1).</source>
        <translation>登录未完成（%1）。</translation>
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
    <name>bge::DownloadDestination</name>
    <message>
        <source>The disk is full: %1 could not be written. Free at least %2 MB on that disk and run the download again to resume it (the %3 MB already downloaded are kept).</source>
        <translation>磁盘已满：无法写入 %1。请在该磁盘上至少释放 %2 MB 空间，然后再次运行下载即可续传（已下载的 %3 MB 会保留）。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Free some space on that disk and run the download again to resume it (the %2 MB already downloaded are kept).</source>
        <translation>磁盘已满：无法写入 %1。请在该磁盘上释放一些空间，然后再次运行下载即可续传（已下载的 %2 MB 会保留）。</translation>
    </message>
    <message>
        <source>The file %1 cannot grow any larger here: a file size limit of this system or file system was reached. Raise the limit or download to another disk, then run the download again to resume it (the %2 MB already downloaded are kept).</source>
        <translation>文件 %1 在此处无法继续增大：已达到系统或文件系统的文件大小上限。请提高该上限或改为下载到其他磁盘，然后再次运行下载即可续传（已下载的 %2 MB 会保留）。</translation>
    </message>
</context>
<context>
    <name>bge::DownloadJob</name>
    <message>
        <source>the signed download address</source>
        <translation>签名下载地址</translation>
    </message>
</context>
<context>
    <name>bge::FileCrc64Job</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 changed while it was being read: upload it again</source>
        <translation>%1 在读取过程中发生了变化：请重新上传</translation>
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
    <name>bge::PlatformUploadCredentials</name>
    <message>
        <source>the object-storage endpoint</source>
        <translation>对象存储终端节点</translation>
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
    <name>bge::SampleInput</name>
    <message>
        <source>not a field the platform lets you set</source>
        <translation>平台不允许设置此字段</translation>
    </message>
    <message>
        <source>give a value</source>
        <translation>请填写取值</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>取值必须为以下之一：%1</translation>
    </message>
    <message>
        <source>give the sample&apos;s own id (the one on its tube or kit)</source>
        <translation>请填写样品自己的编号（样品管或采样盒上的编号）</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>must not contain a comma</source>
        <translation>不能包含逗号</translation>
    </message>
    <message>
        <source>choose the site the sample was taken from</source>
        <translation>请选择样品的采样部位</translation>
    </message>
    <message>
        <source>give the project the sample belongs to</source>
        <translation>请填写样品所属的项目</translation>
    </message>
    <message>
        <source>a project id looks like P-W followed by digits</source>
        <translation>项目编号的格式为 P-W 后跟数字</translation>
    </message>
    <message>
        <source>fill in at least one field</source>
        <translation>请至少填写一个字段</translation>
    </message>
    <message>
        <source>given twice</source>
        <translation>重复填写</translation>
    </message>
    <message>
        <source>already set; the platform does not allow changing it</source>
        <translation>已有值，平台不允许修改</translation>
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
    <name>bge::TransferQueue</name>
    <message>
        <source>The saved transfer list could not be read (%1); it starts empty.</source>
        <translation>无法读取已保存的传输列表（%1），列表将从空开始。</translation>
    </message>
    <message>
        <source>The transfer list could not be saved (%1): unfinished transfers will not resume after a restart.</source>
        <translation>无法保存传输列表（%1）：重启后未完成的传输将不会继续。</translation>
    </message>
    <message>
        <source>Another file named %1 is already in the transfer list.</source>
        <translation>传输列表中已有另一个名为 %1 的文件。</translation>
    </message>
    <message>
        <source>A file named %1 already exists in %2.</source>
        <translation>%2 中已存在名为 %1 的文件。</translation>
    </message>
    <message>
        <source>An object named %1 already exists in the destination.</source>
        <translation>目标位置已存在名为 %1 的对象。</translation>
    </message>
    <message>
        <source>A read set needs a name, a sequence store and one or two files.</source>
        <translation>读段集需要名称、序列存储以及一个或两个文件。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>The saved transfer list could not be read (%1); it was kept as %2. The list starts empty: add unfinished files again to resume them.</source>
        <translation>无法读取已保存的传输列表（%1），原文件已保留为 %2。列表将从空开始：请重新添加未完成的文件以继续传输。</translation>
    </message>
</context>
<context>
    <name>bge::TransferTask</name>
    <message>
        <source>HealthOmics accounts are not available here, so the read set cannot be transferred.</source>
        <translation>此处无法使用 HealthOmics 账户，因此无法传输该读段集。</translation>
    </message>
</context>
<context>
    <name>bge::UploadJob</name>
    <message>
        <source>The object %1 assembled by the storage was damaged (CRC-64 mismatch); uploading it again.</source>
        <translation>对象存储合成的对象 %1 已损坏（CRC-64 不一致）；正在重新上传。</translation>
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
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1: %2 in %3 s (%4/s)
</source>
        <translation>%1：%2，用时 %3 秒（%4/s）
</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a command (see `bge help %1`)</source>
        <translation>“%1”需要一个子命令（参见 `bge help %1`）</translation>
    </message>
    <message>
        <source>unknown command &quot;%1 %2&quot; (see `bge help %1`)</source>
        <translation>未知命令“%1 %2”（参见 `bge help %1`）</translation>
    </message>
    <message>
        <source>
Commands:
</source>
        <translation>
命令：
</translation>
    </message>
    <message>
        <source>Global options (before or after the command):
  --profile NAME             use the named profile (default: BGE_PROFILE or &quot;default&quot;)
  --endpoint URL             platform address: main, backup, or a URL (https://; http:// only
                             on this computer, e.g. the bge-sandbox)
  --client-id ID             client application id
  --client-secret-file FILE  read the client secret from FILE (or set BGE_CLIENT_SECRET)
  --ca-bundle FILE           also trust the certificate authorities in this PEM file (else
                             BGE_CA_BUNDLE, else the profile&apos;s); the system&apos;s stay trusted
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
  --ca-bundle FILE           额外信任此 PEM 文件中的证书颁发机构（否则用 BGE_CA_BUNDLE，
                             再否则用配置中的设置）；系统的证书颁发机构仍受信任
  --json                     以 JSON 格式在标准输出打印平台返回的数据
  --timeout SECONDS          服务器无响应超过该时长即放弃（默认 60）
  --verbose                  在标准错误输出记录请求（绝不包含令牌或密钥）
  --version, --help
</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
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
        <source>not an object name: %1</source>
        <translation>不是有效的对象名称：%1</translation>
    </message>
    <message>
        <source>bge: %1 is already downloaded (same size and CRC-64); nothing was fetched</source>
        <translation>bge：%1 已下载（大小和 CRC-64 相同）；未重新获取任何数据</translation>
    </message>
    <message>
        <source>download objects (a sample&apos;s files, result files)</source>
        <translation>下载对象（样品文件、结果文件）</translation>
    </message>
    <message>
        <source>Usage: bge download OBJECT_NAME… [-o PATH] [--overwrite] [--jobs N]

Downloads through a signed URL into PATH (default: the object&apos;s file name here), resuming
an interrupted download, and checks the size and CRC-64 before the file appears. An existing
file is not replaced unless --overwrite; one with the object&apos;s size and CRC-64 counts as
downloaded (nothing is fetched; --json says &quot;already_downloaded&quot;: true). Several objects go
into one folder (PATH, default here), N at a time; --json then gives a list, in their order.
  -o, --output PATH   file or folder to write to (a folder for several objects)
  --overwrite         replace an existing file
  --jobs N            objects in flight at once (1–16, default 8)
</source>
        <translation>用法：bge download OBJECT_NAME… [-o PATH] [--overwrite] [--jobs N]

通过签名 URL 下载到 PATH（默认：当前目录下与对象同名的文件），中断的下载会续传，
文件在大小和 CRC-64 校验通过后才会出现。除非指定 --overwrite，已存在的文件不会被替换；
大小和 CRC-64 与对象相同的文件视为已下载（不获取任何数据；--json 输出 &quot;already_downloaded&quot;: true）。
多个对象下载到同一个文件夹（PATH，默认当前目录），同时 N 个；此时 --json 按给出的顺序输出列表。
  -o, --output PATH   写入的文件或文件夹（多个对象时为文件夹）
  --overwrite         替换已存在的文件
  --jobs N            同时下载的对象数（1–16，默认 8）
</translation>
    </message>
    <message>
        <source>give at least one object name</source>
        <translation>请至少提供一个对象名称</translation>
    </message>
    <message>
        <source>--jobs takes a number between 1 and 16</source>
        <translation>--jobs 的值应为 1 到 16 之间的数字</translation>
    </message>
    <message>
        <source>several objects go into a folder: %1 is not one</source>
        <translation>多个对象须下载到文件夹中：%1 不是文件夹</translation>
    </message>
    <message>
        <source>two objects would be written to %1</source>
        <translation>有两个对象会写入同一个文件 %1</translation>
    </message>
    <message>
        <source>bge: %1 was not downloaded</source>
        <translation>bge: %1 未下载</translation>
    </message>
</context>
<context>
    <name>bge::cli::ExternalsCommand</name>
    <message>
        <source>find biosample ids by external sample ids</source>
        <translation>根据外部样品编号查找样品编号</translation>
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
    <message>
        <source>Usage: bge externals EXTERNAL_ID… --project PROJECT_ID [--site SITE]
</source>
        <translation>用法：bge externals EXTERNAL_ID… --project PROJECT_ID [--site SITE]
</translation>
    </message>
    <message>
        <source>external sample ids are looked up within a project: add --project PROJECT_ID</source>
        <translation>外部样品编号需在项目内查找：请添加 --project PROJECT_ID</translation>
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
    <name>bge::cli::ImportSources</name>
    <message>
        <source>%1: &quot;%2&quot; must be a string</source>
        <translation>%1：“%2”必须是字符串</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 必须是对象</translation>
    </message>
    <message>
        <source>%1: &quot;sourceFiles&quot; with &quot;source1&quot; is required</source>
        <translation>%1：必须提供包含 &quot;source1&quot; 的 &quot;sourceFiles&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;tags&quot; must be an object of strings</source>
        <translation>%1：&quot;tags&quot; 必须是值均为字符串的对象</translation>
    </message>
    <message>
        <source>%1: &quot;sourceFiles.source1&quot;, &quot;sourceFileType&quot;, &quot;subjectId&quot; and &quot;sampleId&quot; are required</source>
        <translation>%1：必须提供 &quot;sourceFiles.source1&quot;、&quot;sourceFileType&quot;、&quot;subjectId&quot; 和 &quot;sampleId&quot;</translation>
    </message>
    <message>
        <source>--source &quot;%1&quot;: expected TYPE:SUBJECT:SAMPLE:URI[,URI2]</source>
        <translation>--source “%1”：格式应为 TYPE:SUBJECT:SAMPLE:URI[,URI2]</translation>
    </message>
    <message>
        <source>--source &quot;%1&quot;: the file type must be one of %2</source>
        <translation>--source “%1”：文件类型必须为以下之一：%2</translation>
    </message>
    <message>
        <source>cannot read the manifest &quot;%1&quot;: %2</source>
        <translation>无法读取清单文件“%1”：%2</translation>
    </message>
    <message>
        <source>the manifest &quot;%1&quot; is larger than %2 bytes</source>
        <translation>清单文件“%1”超过 %2 字节</translation>
    </message>
    <message>
        <source>the manifest &quot;%1&quot; is not JSON: %2 at byte %3</source>
        <translation>清单文件“%1”不是有效的 JSON：%2（位于第 %3 字节）</translation>
    </message>
    <message>
        <source>%1: &quot;sources&quot; must be an array</source>
        <translation>%1：&quot;sources&quot; 必须是数组</translation>
    </message>
    <message>
        <source>%1: no sources</source>
        <translation>%1：没有任何来源</translation>
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
    <name>bge::cli::OmicsAbortCommand</name>
    <message>
        <source>abort a multipart read-set upload, discarding its parts</source>
        <translation>中止读段集的分片上传，并丢弃已上传的分片</translation>
    </message>
    <message>
        <source>Usage: bge omics abort STORE_ID UPLOAD_ID
</source>
        <translation>用法：bge omics abort STORE_ID UPLOAD_ID
</translation>
    </message>
    <message>
        <source>give a sequence store id and an upload id</source>
        <translation>请提供序列存储 ID 和上传 ID</translation>
    </message>
    <message>
        <source>Upload %1 aborted.</source>
        <translation>上传 %1 已中止。</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsAccountsCommand</name>
    <message>
        <source>list the HealthOmics accounts added with add-account</source>
        <translation>列出通过 add-account 添加的 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Usage: bge omics accounts
</source>
        <translation>用法：bge omics accounts
</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>ACCESS KEY ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>ENDPOINT / PROFILE</source>
        <translation>终端节点 / 配置文件</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsAddAccountCommand</name>
    <message>
        <source>add a HealthOmics account; its secret key goes to the keychain</source>
        <translation>添加 HealthOmics 账户；其私有访问密钥保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Usage: bge omics add-account NAME --access-key-id ID --region REGION [--omics-endpoint URL]
       bge omics add-account NAME --aws-profile PROFILE [--region REGION]

The secret access key is read from standard input (typed without echo on a terminal, or
piped in) and stored only in the system keychain. Use the account with --omics-account NAME.
</source>
        <translation>用法：bge omics add-account NAME --access-key-id ID --region REGION [--omics-endpoint URL]
      bge omics add-account NAME --aws-profile PROFILE [--region REGION]

私有访问密钥从标准输入读取（在终端中输入时不回显，也可通过管道传入），并且只保存在
系统钥匙串中。之后用 --omics-account NAME 使用该账户。
</translation>
    </message>
    <message>
        <source>give the account a name</source>
        <translation>请为账户指定名称</translation>
    </message>
    <message>
        <source>an account name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>账户名称应由 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos; 组成</translation>
    </message>
    <message>
        <source>give --access-key-id (and type the secret key) or --aws-profile</source>
        <translation>请提供 --access-key-id（并输入私有访问密钥）或 --aws-profile</translation>
    </message>
    <message>
        <source>--region takes an AWS region such as us-east-1</source>
        <translation>--region 的值应为 AWS 区域，例如 us-east-1</translation>
    </message>
    <message>
        <source>Secret access key for %1: </source>
        <translation>%1 的私有访问密钥： </translation>
    </message>
    <message>
        <source>no secret access key was given on standard input</source>
        <translation>标准输入中未提供私有访问密钥</translation>
    </message>
    <message>
        <source>no system keychain is available, and the secret key is never written to a file: use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile of ~/.aws on this computer</source>
        <translation>系统钥匙串不可用，而私有访问密钥绝不会写入文件：请在本机上使用 AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY 或 ~/.aws 中的配置文件</translation>
    </message>
    <message>
        <source>Account %1 added. Use it with: bge omics stores --omics-account %1</source>
        <translation>已添加账户 %1。使用方法：bge omics stores --omics-account %1</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsDownloadCommand</name>
    <message>
        <source>download a read set&apos;s file (GetReadSet, in parts)</source>
        <translation>下载读段集的文件（GetReadSet，分片）</translation>
    </message>
    <message>
        <source>Usage: bge omics download STORE_ID READ_SET_ID [--file SOURCE1|SOURCE2|INDEX] [-o PATH]
           [--overwrite] [--jobs N]

Downloads one file of a read set in parts (N at a time, default 4) into PATH (a file or a
folder; default: &lt;name&gt;.fastq, &lt;name&gt;_1.fastq / &lt;name&gt;_2.fastq for paired reads, &lt;name&gt;.bam,
&lt;name&gt;.cram, &lt;name&gt;.bam.bai / &lt;name&gt;.cram.crai for the index, here). An interrupted download
resumes when the same command runs again; the size is checked before the file appears.
An existing file is not replaced unless --overwrite. Prints the path; with --json
{&quot;file&quot;, &quot;size&quot;, &quot;parts_fetched&quot;, &quot;parts_kept&quot;}.
  --jobs N           parts in flight at once (1–16)
</source>
        <translation>用法：bge omics download STORE_ID READ_SET_ID [--file SOURCE1|SOURCE2|INDEX] [-o PATH]
          [--overwrite] [--jobs N]

分片下载读段集的一个文件（每次 N 个，默认 4 个）到 PATH（文件或文件夹；默认在当前文件夹：
&lt;name&gt;.fastq，双端读段为 &lt;name&gt;_1.fastq / &lt;name&gt;_2.fastq，&lt;name&gt;.bam、&lt;name&gt;.cram，
索引为 &lt;name&gt;.bam.bai / &lt;name&gt;.cram.crai）。中断的下载在再次运行同一命令时继续；
文件出现之前会核对大小。除非指定 --overwrite，否则不会替换已有文件。输出路径；
使用 --json 时输出 {&quot;file&quot;, &quot;size&quot;, &quot;parts_fetched&quot;, &quot;parts_kept&quot;}。
  --jobs N           同时传输的分片数（1–16）
</translation>
    </message>
    <message>
        <source>give a sequence store id and a read set id</source>
        <translation>请提供一个序列存储 ID 和一个读段集 ID</translation>
    </message>
    <message>
        <source>--jobs takes a number between 1 and 16</source>
        <translation>--jobs 的值应为 1 到 16 之间的数字</translation>
    </message>
    <message>
        <source>bge: resumed an earlier download: %1 parts kept, %2 fetched now</source>
        <translation>bge：继续了之前的下载：保留 %1 个分片，本次获取 %2 个</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsGroup</name>
    <message>
        <source>AWS HealthOmics sequence stores: read sets, uploads, imports</source>
        <translation>AWS HealthOmics 序列存储：读段集、上传、导入</translation>
    </message>
    <message>
        <source>Usage: bge omics COMMAND [arguments]

AWS HealthOmics sequence stores. Keys and region are found as the AWS SDKs find them
(environment, ~/.aws, credential_process), or in an account added with add-account.
`bge help omics COMMAND` describes each command.
</source>
        <translation>用法：bge omics COMMAND [参数]

AWS HealthOmics 序列存储。密钥和区域的查找方式与 AWS SDK 相同（环境变量、~/.aws、
credential_process），也可使用通过 add-account 添加的账户。
`bge help omics COMMAND` 介绍各个命令。
</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsImportCommand</name>
    <message>
        <source>start an import job of read sets from S3</source>
        <translation>从 S3 启动读段集的导入任务</translation>
    </message>
    <message>
        <source>Usage: bge omics import STORE_ID --role ARN --source TYPE:SUBJECT:SAMPLE:URI[,URI2]… [--reference ARN]
       bge omics import STORE_ID --manifest FILE.json [--role ARN] [--reference ARN]

  --role ARN               the IAM role HealthOmics assumes to read the objects
  --source …               one read set: its file type (FASTQ, BAM, CRAM, UBAM), subject id,
                           sample id and S3 URI(s); a second URI for the mate of paired FASTQ.
                           Repeat for up to 100 read sets
  --manifest FILE.json     the sources as the service takes them: {&quot;roleArn&quot;: …, &quot;sources&quot;:
                           [{&quot;sourceFiles&quot;: {&quot;source1&quot;: …, &quot;source2&quot;: …}, &quot;sourceFileType&quot;: …,
                           &quot;subjectId&quot;: …, &quot;sampleId&quot;: …, &quot;referenceArn&quot;: …, &quot;name&quot;: …}, …]}
  --reference ARN          the reference of BAM and CRAM sources that name none
  --wait                   follow the job until it ends (as `bge omics import-job --wait`)
</source>
        <translation>用法：bge omics import STORE_ID --role ARN --source TYPE:SUBJECT:SAMPLE:URI[,URI2]… [--reference ARN]
      bge omics import STORE_ID --manifest FILE.json [--role ARN] [--reference ARN]

  --role ARN               HealthOmics 读取这些对象时代入的 IAM 角色
  --source …               一个读段集：文件类型（FASTQ、BAM、CRAM、UBAM）、受试者 ID、
                           样品 ID 和 S3 URI；双端 FASTQ 的另一端读段用第二个 URI 给出。
                           可重复使用，最多 100 个读段集
  --manifest FILE.json     按服务接受的格式给出来源：{&quot;roleArn&quot;: …, &quot;sources&quot;:
                           [{&quot;sourceFiles&quot;: {&quot;source1&quot;: …, &quot;source2&quot;: …}, &quot;sourceFileType&quot;: …,
                           &quot;subjectId&quot;: …, &quot;sampleId&quot;: …, &quot;referenceArn&quot;: …, &quot;name&quot;: …}, …]}
  --reference ARN          未指定参考基因组的 BAM 和 CRAM 来源所使用的参考基因组
  --wait                   跟踪任务直到结束（同 `bge omics import-job --wait`）
</translation>
    </message>
    <message>
        <source>give exactly one sequence store id</source>
        <translation>请只提供一个序列存储 ID</translation>
    </message>
    <message>
        <source>give the sources with --source or with --manifest (one of the two)</source>
        <translation>请通过 --source 或 --manifest 提供来源（二选一）</translation>
    </message>
    <message>
        <source>--role is required: the IAM role HealthOmics assumes to read the objects</source>
        <translation>必须提供 --role：HealthOmics 读取这些对象时代入的 IAM 角色</translation>
    </message>
    <message>
        <source>Import job %1 started (%2). Follow it with: bge omics import-job %3 %1 --wait
</source>
        <translation>导入任务 %1 已启动（%2）。跟踪进度：bge omics import-job %3 %1 --wait
</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsImportJobCommand</name>
    <message>
        <source>import job %1: %2, %3 of %4 source(s) done, %5 failed</source>
        <translation>导入任务 %1：%2，%4 个来源中已完成 %3 个，失败 %5 个</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation>完成时间（UTC）</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>SAMPLE</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>READ SET / MESSAGE</source>
        <translation>读段集 / 信息</translation>
    </message>
    <message>
        <source>show an import job and its sources, or wait for it to end</source>
        <translation>显示导入任务及其来源，或等待任务结束</translation>
    </message>
    <message>
        <source>Usage: bge omics import-job STORE_ID JOB_ID [--wait]

  --wait                   poll until the job ends, with a progress line; the exit code is 0
                           only when every source was imported
</source>
        <translation>用法：bge omics import-job STORE_ID JOB_ID [--wait]

  --wait                   轮询直到任务结束，并显示进度行；仅当所有来源都导入成功时
                           退出码才为 0
</translation>
    </message>
    <message>
        <source>give a sequence store id and an import job id</source>
        <translation>请提供序列存储 ID 和导入任务 ID</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsImportJobsCommand</name>
    <message>
        <source>list the import jobs of a sequence store</source>
        <translation>列出序列存储的导入任务</translation>
    </message>
    <message>
        <source>Usage: bge omics import-jobs STORE_ID [--status STATUS] [--created-after T] [--created-before T]
                             [--max-results N] [--next-token T] [--all]
</source>
        <translation>用法：bge omics import-jobs STORE_ID [--status STATUS] [--created-after T] [--created-before T]
                            [--max-results N] [--next-token T] [--all]
</translation>
    </message>
    <message>
        <source>give exactly one sequence store id</source>
        <translation>请只提供一个序列存储 ID</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>COMPLETED (UTC)</source>
        <translation>完成时间（UTC）</translation>
    </message>
    <message numerus="yes">
        <source>%n import job(s) shown</source>
        <translation>
            <numerusform>已显示 %n 个导入任务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsReadSetCommand</name>
    <message>
        <source>%1 bytes in %2 part(s) of %3</source>
        <translation>%1 字节，分为 %2 个分片，每片 %3 字节</translation>
    </message>
    <message>
        <source>show a read set&apos;s metadata: files, sequence information, origin</source>
        <translation>显示读段集的元数据：文件、序列信息、来源</translation>
    </message>
    <message>
        <source>Usage: bge omics read-set STORE_ID READ_SET_ID
</source>
        <translation>用法：bge omics read-set STORE_ID READ_SET_ID
</translation>
    </message>
    <message>
        <source>give a sequence store id and a read set id</source>
        <translation>请提供序列存储 ID 和读段集 ID</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建方式</translation>
    </message>
    <message>
        <source>%1, import job %2</source>
        <translation>%1，导入任务 %2</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考基因组</translation>
    </message>
    <message>
        <source>Read count</source>
        <translation>读段数</translation>
    </message>
    <message>
        <source>Base count</source>
        <translation>碱基数</translation>
    </message>
    <message>
        <source>Generated from</source>
        <translation>生成来源</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>比对状态</translation>
    </message>
    <message>
        <source>Source 1</source>
        <translation>来源文件 1</translation>
    </message>
    <message>
        <source>Source 2</source>
        <translation>来源文件 2</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsReadSetsCommand</name>
    <message>
        <source>list the read sets of a sequence store, with every filter</source>
        <translation>列出序列存储中的读段集，支持服务提供的全部筛选条件</translation>
    </message>
    <message>
        <source>Usage: bge omics read-sets STORE_ID [filters] [--max-results N] [--next-token T] [--all]

Filters (the service&apos;s):
  --name NAME              read-set name
  --status STATUS          ACTIVE, PROCESSING_UPLOAD, UPLOAD_FAILED, ARCHIVED, ACTIVATING,
                           DELETING, DELETED
  --sample-id ID           --subject-id ID        --generated-from TEXT
  --reference-arn ARN      (&quot;&quot; for read sets without a reference)
  --creation-type TYPE     IMPORT or UPLOAD
  --created-after T        --created-before T     (2024-01-31 or 2024-01-31T12:00:00Z)
Paging:
  --max-results N          read sets per page (1–100)
  --next-token T           the page a previous listing pointed to
  --all                    follow the pages to the end
</source>
        <translation>用法：bge omics read-sets STORE_ID [筛选条件] [--max-results N] [--next-token T] [--all]

筛选条件（由服务提供）：
  --name NAME              读段集名称
  --status STATUS          ACTIVE, PROCESSING_UPLOAD, UPLOAD_FAILED, ARCHIVED, ACTIVATING,
                           DELETING, DELETED
  --sample-id ID           --subject-id ID        --generated-from TEXT
  --reference-arn ARN      （&quot;&quot; 表示没有参考基因组的读段集）
  --creation-type TYPE     IMPORT 或 UPLOAD
  --created-after T        --created-before T     （2024-01-31 或 2024-01-31T12:00:00Z）
分页：
  --max-results N          每页读段集数（1–100）
  --next-token T           上一次列表输出所指向的页
  --all                    自动翻页直到最后一页
</translation>
    </message>
    <message>
        <source>give exactly one sequence store id</source>
        <translation>请只提供一个序列存储 ID</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>SAMPLE</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>创建方式</translation>
    </message>
    <message numerus="yes">
        <source>%n read set(s) shown</source>
        <translation>
            <numerusform>已显示 %n 个读段集</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsRemoveAccountCommand</name>
    <message>
        <source>remove a HealthOmics account and its secret key from the keychain</source>
        <translation>删除 HealthOmics 账户，并从系统钥匙串中删除其私有访问密钥</translation>
    </message>
    <message>
        <source>Usage: bge omics remove-account NAME
</source>
        <translation>用法：bge omics remove-account NAME
</translation>
    </message>
    <message>
        <source>give the name of the account</source>
        <translation>请提供账户名称</translation>
    </message>
    <message>
        <source>no HealthOmics account named &quot;%1&quot;</source>
        <translation>不存在名为“%1”的 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Account %1 removed.</source>
        <translation>已删除账户 %1。</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsStoreCommand</name>
    <message>
        <source>show one sequence store</source>
        <translation>显示单个序列存储</translation>
    </message>
    <message>
        <source>Usage: bge omics store STORE_ID
</source>
        <translation>用法：bge omics store STORE_ID
</translation>
    </message>
    <message>
        <source>give exactly one sequence store id</source>
        <translation>请只提供一个序列存储 ID</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>更新时间（UTC）</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Fallback location</source>
        <translation>回退位置</translation>
    </message>
    <message>
        <source>ETag algorithm</source>
        <translation>ETag 算法</translation>
    </message>
    <message>
        <source>S3 access</source>
        <translation>S3 访问</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsStoresCommand</name>
    <message>
        <source>list the sequence stores of the account</source>
        <translation>列出账户中的序列存储</translation>
    </message>
    <message>
        <source>Usage: bge omics stores [--name NAME] [--status STATUS] [--created-after T] [--created-before T]
                        [--max-results N] [--next-token T] [--all]
</source>
        <translation>用法：bge omics stores [--name NAME] [--status STATUS] [--created-after T] [--created-before T]
                       [--max-results N] [--next-token T] [--all]
</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>说明</translation>
    </message>
    <message numerus="yes">
        <source>%n sequence store(s) shown</source>
        <translation>
            <numerusform>已显示 %n 个序列存储</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsUploadCommand</name>
    <message>
        <source>upload a read set (FASTQ, paired FASTQ, BAM, uBAM, CRAM)</source>
        <translation>上传读段集（FASTQ、双端 FASTQ、BAM、uBAM、CRAM）</translation>
    </message>
    <message>
        <source>Usage: bge omics upload STORE_ID FILE [FILE2] --subject S --sample S --name N
           [--type auto|FASTQ|BAM|CRAM|UBAM] [--reference ARN] [--description D]
           [--generated-from G] [--tag KEY=VALUE]… [--no-wait] [--jobs N] [--part-size SIZE]

Uploads one read set: one file, or read 1 and read 2 of paired FASTQ (SOURCE1, SOURCE2).
The type is read from the bytes (an unaligned BAM is UBAM); a type that does not match
them is refused before anything is sent. BAM and CRAM need --reference. The parts go N at a
time (default 4) within the service&apos;s quota; an interrupted upload resumes when the same
command runs again. Then waits until the read set is ACTIVE (not with --no-wait) and prints
its id; with --json, its metadata. --name, --sample and --subject default to what the file
name suggests (NA12878_S1_L001_R1_001.fastq.gz: NA12878_S1_L001, NA12878, NA12878).
  --jobs N           parts in flight at once (1–16)
  --part-size SIZE   e.g. 8M, 100M (at most 100 MiB; default 100 MiB)
</source>
        <translation>用法：bge omics upload STORE_ID FILE [FILE2] --subject S --sample S --name N
          [--type auto|FASTQ|BAM|CRAM|UBAM] [--reference ARN] [--description D]
          [--generated-from G] [--tag KEY=VALUE]… [--no-wait] [--jobs N] [--part-size SIZE]

上传一个读段集：一个文件，或双端 FASTQ 的读段 1 和读段 2（SOURCE1、SOURCE2）。
文件类型从字节内容读出（未比对的 BAM 即 UBAM）；与内容不符的类型在发送任何数据之前即被拒绝。
BAM 和 CRAM 需要 --reference。分片在服务配额内每次发送 N 个（默认 4 个）；中断的上传在再次
运行同一命令时继续。随后等待读段集变为 ACTIVE（--no-wait 时不等待）并输出其 ID；使用 --json
时输出其元数据。--name、--sample 和 --subject 默认取自文件名
（NA12878_S1_L001_R1_001.fastq.gz：NA12878_S1_L001、NA12878、NA12878）。
  --jobs N           同时传输的分片数（1–16）
  --part-size SIZE   例如 8M、100M（至多 100 MiB；默认 100 MiB）
</translation>
    </message>
    <message>
        <source>give a sequence store id and one or two files</source>
        <translation>请提供一个序列存储 ID 以及一个或两个文件</translation>
    </message>
    <message>
        <source>not a readable file: %1</source>
        <translation>不是可读取的文件：%1</translation>
    </message>
    <message>
        <source>give --name, --sample and --subject (the file name suggests none)</source>
        <translation>请提供 --name、--sample 和 --subject（无法从文件名推断）</translation>
    </message>
    <message>
        <source>--type takes auto, FASTQ, BAM, CRAM or UBAM</source>
        <translation>--type 的值应为 auto、FASTQ、BAM、CRAM 或 UBAM</translation>
    </message>
    <message>
        <source>--tag takes KEY=VALUE, not %1</source>
        <translation>--tag 的格式应为 KEY=VALUE，而不是 %1</translation>
    </message>
    <message>
        <source>--jobs takes a number between 1 and 16</source>
        <translation>--jobs 的值应为 1 到 16 之间的数字</translation>
    </message>
    <message>
        <source>--part-size takes a size up to 100M, e.g. 64M</source>
        <translation>--part-size 的值应为不超过 100M 的大小，例如 64M</translation>
    </message>
    <message>
        <source>bge: read set %1 is %2; waiting until it is ACTIVE</source>
        <translation>bge：读段集 %1 的状态为 %2；正在等待其变为 ACTIVE</translation>
    </message>
    <message>
        <source>bge: the upload was kept: run the same command again to resume it</source>
        <translation>bge：上传已保留：再次运行同一命令即可继续</translation>
    </message>
    <message>
        <source>bge: resumed an earlier upload: %1 of %2 parts sent now</source>
        <translation>bge：继续了之前的上传：本次发送 %2 个分片中的 %1 个</translation>
    </message>
    <message>
        <source>bge: run the same command again to follow the read set already made</source>
        <translation>bge：再次运行同一命令即可跟踪已创建的读段集</translation>
    </message>
</context>
<context>
    <name>bge::cli::OmicsUploadsCommand</name>
    <message>
        <source>list the multipart read-set uploads in progress in a store</source>
        <translation>列出序列存储中正在进行的读段集分片上传</translation>
    </message>
    <message>
        <source>Usage: bge omics uploads STORE_ID [--parts] [--max-results N] [--next-token T] [--all]

  --parts                  also count each upload&apos;s parts so far (one more call per upload)
</source>
        <translation>用法：bge omics uploads STORE_ID [--parts] [--max-results N] [--next-token T] [--all]

  --parts                  同时统计每个上传目前已有的分片数（每个上传多调用一次）
</translation>
    </message>
    <message>
        <source>give exactly one sequence store id</source>
        <translation>请只提供一个序列存储 ID</translation>
    </message>
    <message>
        <source>UPLOAD ID</source>
        <translation>上传 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>SAMPLE</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>STARTED (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <source>PARTS</source>
        <translation>分片数</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) in progress shown</source>
        <translation>
            <numerusform>已显示 %n 个正在进行的上传</numerusform>
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
    <message>
        <source>Usage: bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]

Each file goes to &lt;destination&gt;/&lt;file name&gt; of the platform&apos;s storage. Files of 100 MiB
and more are sent in parts, N at a time (default 4), each checked by CRC-64, one file after
the other; smaller files go in one request each, N files at a time (default 8). An interrupted
upload resumes when the same command runs again. An existing object is not replaced
unless --overwrite; one with the file&apos;s size and CRC-64 counts as uploaded (nothing is sent).
With --json: [{&quot;file&quot;, &quot;object_name&quot;, &quot;size&quot;, &quot;crc64&quot;, &quot;parts_sent&quot;, &quot;resumed&quot;,
&quot;already_uploaded&quot;}, …] in the order of the files (parts_sent: parts this run sent; resumed:
an earlier run&apos;s parts were kept; already_uploaded: the object was there already).
  --jobs N           parts, or small files, in flight at once (1–16)
  --part-size SIZE   e.g. 8M, 64MiB (100 KiB to 5 GiB; default from the file size)
</source>
        <translation>用法：bge upload FILE… [--jobs N] [--part-size SIZE] [--overwrite]

每个文件上传到平台存储的 &lt;destination&gt;/&lt;文件名&gt;。100 MiB 及以上的文件分片上传，
同时 N 个分片（默认 4），每个分片都经 CRC-64 校验，文件逐个上传；更小的文件每个一次请求，
同时 N 个文件（默认 8）。中断的上传再次运行同一命令即可续传。
已存在的对象不会被替换，除非使用 --overwrite；大小和 CRC-64 与文件相同的对象视为已上传（不发送任何数据）。
使用 --json 时按文件顺序输出：[{&quot;file&quot;, &quot;object_name&quot;, &quot;size&quot;, &quot;crc64&quot;, &quot;parts_sent&quot;, &quot;resumed&quot;,
&quot;already_uploaded&quot;}, …]（parts_sent：本次发送的分片数；resumed：保留了之前运行的分片；
already_uploaded：对象此前已存在）。
  --jobs N           同时传输的分片数或小文件数（1–16）
  --part-size SIZE   例如 8M、64MiB（100 KiB 至 5 GiB；默认按文件大小确定）
</translation>
    </message>
    <message>
        <source>bge: %1 is already uploaded (same size and CRC-64) as %2; nothing was sent</source>
        <translation>bge: %1 已上传为 %2（大小和 CRC-64 相同），未发送任何数据</translation>
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
<context>
    <name>bge::cli::omicscli</name>
    <message>
        <source>no HealthOmics account named &quot;%1&quot; (see `bge omics accounts`)</source>
        <translation>不存在名为“%1”的 HealthOmics 账户（参见 `bge omics accounts`）</translation>
    </message>
    <message>
        <source>
Where HealthOmics is and whose keys sign (as the AWS SDKs resolve them):
  --aws-profile NAME       a profile of ~/.aws/credentials and ~/.aws/config (else AWS_PROFILE;
                           keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY win without it)
  --region REGION          e.g. us-east-1 (else AWS_REGION, AWS_DEFAULT_REGION, the profile)
  --omics-endpoint URL     use this address as it is, without host prefixes (an emulator, a VPC
                           endpoint; else AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL, the profile)
  --omics-account NAME     an account added with `bge omics add-account` (its secret key is in
                           the system keychain)
</source>
        <translation>
HealthOmics 的位置及用于签名的密钥（按 AWS SDK 的方式解析）：
  --aws-profile NAME       ~/.aws/credentials 和 ~/.aws/config 中的配置文件（否则使用
                           AWS_PROFILE；不使用此选项时，AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
                           中的密钥优先）
  --region REGION          例如 us-east-1（否则依次使用 AWS_REGION、AWS_DEFAULT_REGION、配置文件）
  --omics-endpoint URL     按原样使用此地址，不加主机前缀（模拟器、VPC 终端节点；否则依次
                           使用 AWS_ENDPOINT_URL_OMICS、AWS_ENDPOINT_URL、配置文件）
  --omics-account NAME     通过 `bge omics add-account` 添加的账户（其私有访问密钥保存在
                           系统钥匙串中）
</translation>
    </message>
    <message>
        <source>--omics-account and --aws-profile exclude each other</source>
        <translation>--omics-account 和 --aws-profile 不能同时使用</translation>
    </message>
    <message>
        <source>--max-results takes a number between 1 and 100</source>
        <translation>--max-results 的值应为 1 到 100 之间的数字</translation>
    </message>
    <message>
        <source>--%1 takes a date or time such as 2024-01-31 or 2024-01-31T12:00:00Z</source>
        <translation>--%1 的值应为日期或时间，例如 2024-01-31 或 2024-01-31T12:00:00Z</translation>
    </message>
    <message>
        <source>--%1 takes one of %2</source>
        <translation>--%1 的值应为以下之一：%2</translation>
    </message>
    <message>
        <source>%1; more with --next-token %2 (or --all)</source>
        <translation>%1；使用 --next-token %2（或 --all）查看更多</translation>
    </message>
    <message>
        <source>HealthOmics returned the same page token twice</source>
        <translation>HealthOmics 重复返回了同一个分页令牌</translation>
    </message>
</context>
<context>
    <name>bge::net::CaBundle</name>
    <message>
        <source>The certificate authority file %1 is a folder. Pass a PEM file of CA certificates.</source>
        <translation>证书颁发机构文件 %1 是一个文件夹。请提供包含 CA 证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be read (%2). Check the path and its permissions.</source>
        <translation>无法读取证书颁发机构文件 %1（%2）。请检查路径及其权限。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 is too large to be a certificate bundle.</source>
        <translation>证书颁发机构文件 %1 过大，不可能是证书包。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 holds no certificate. Pass a PEM file of CA certificates.</source>
        <translation>证书颁发机构文件 %1 中没有证书。请提供包含 CA 证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>The file %1 holds a certificate that is not a certificate authority (%2). Pass the CA that issued the server&apos;s certificate, not the server&apos;s own.</source>
        <translation>文件 %1 中的证书不是证书颁发机构（%2）。请提供签发服务器证书的 CA，而不是服务器自身的证书。</translation>
    </message>
    <message>
        <source>The certificate authority %1 in %2 expired on %3. Ask for its current certificate.</source>
        <translation>%2 中的证书颁发机构 %1 已于 %3 过期。请索取其当前有效的证书。</translation>
    </message>
</context>
<context>
    <name>bge::net::EnvironmentProxyFactory</name>
    <message>
        <source>The proxy in %1 cannot be used: write it as http://host:port (or http://user:password@host:port, or socks5://host:port).</source>
        <translation>无法使用 %1 中的代理：请写成 http://host:port（或 http://user:password@host:port，或 socks5://host:port）。</translation>
    </message>
</context>
<context>
    <name>bge::net::ProxyRefusal</name>
    <message>
        <source>The proxy at %1 asks for a user name and password (407). Give them in %2 as http://user:password@host:port, or in the system&apos;s proxy settings.</source>
        <translation>位于 %1 的代理要求提供用户名和密码（407）。请在 %2 中写成 http://user:password@host:port，或在系统的代理设置中填写。</translation>
    </message>
    <message>
        <source>The proxy at %1 refused the user name and password (407). Check the credentials in %2 (http://user:password@host:port) or in the system&apos;s proxy settings.</source>
        <translation>位于 %1 的代理拒绝了用户名和密码（407）。请检查 %2 中的凭据（http://user:password@host:port）或系统的代理设置。</translation>
    </message>
    <message>
        <source>The proxy at %1 cannot be reached. Check that it is running and that %2 names it correctly; hosts listed in no_proxy are reached without it.</source>
        <translation>无法连接位于 %1 的代理。请检查它是否在运行，以及 %2 是否正确指向它；no_proxy 中列出的主机不经代理直接访问。</translation>
    </message>
    <message>
        <source>The proxy at %1 refused the connection to the server. If it needs a user name and password, check them in %2 (http://user:password@host:port); hosts listed in no_proxy are reached without it.</source>
        <translation>位于 %1 的代理拒绝了到服务器的连接。如果它需要用户名和密码，请检查 %2 中的设置（http://user:password@host:port）；no_proxy 中列出的主机不经代理直接访问。</translation>
    </message>
    <message>
        <source>The proxy at %1 cannot be found: its host name is not known. Check the proxy in %2 (hosts listed in no_proxy are reached without it).</source>
        <translation>找不到位于 %1 的代理：无法解析其主机名。请检查 %2 中的代理（no_proxy 中列出的主机不经代理直接访问）。</translation>
    </message>
    <message>
        <source>The proxy at %1 could not connect to the server. The server may be down or out of the proxy&apos;s reach: try again later, and check that %2 names the right proxy; hosts listed in no_proxy are reached without it.</source>
        <translation>位于 %1 的代理无法连接到服务器。服务器可能已停止，或代理无法访问它：请稍后再试，并检查 %2 是否指向正确的代理；no_proxy 中列出的主机不经代理直接访问。</translation>
    </message>
    <message>
        <source>The connection through the proxy at %1 failed: the proxy cannot be reached, or it could not connect to the server. Check that the proxy is running and that %2 names it correctly, then try again; hosts listed in no_proxy are reached without it.</source>
        <translation>经由位于 %1 的代理的连接失败：代理无法连接，或它无法连接到服务器。请检查代理是否在运行，以及 %2 是否正确指向它，然后重试；no_proxy 中列出的主机不经代理直接访问。</translation>
    </message>
</context>
<context>
    <name>bge::net::TlsRefusal</name>
    <message>
        <source>an unknown authority</source>
        <translation>未知的颁发机构</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (issued by %1). If your organisation uses its own certificate authority, pass it with --ca-bundle (or BGE_CA_BUNDLE, or the profile&apos;s certificate authority setting).</source>
        <translation>服务器的证书不受信任（颁发者：%1）。如果您的机构使用自己的证书颁发机构，请通过 --ca-bundle（或 BGE_CA_BUNDLE，或配置中的证书颁发机构设置）提供。</translation>
    </message>
</context>
<context>
    <name>bge::net::TransportPolicy</name>
    <message>
        <source>Refused %1 at %2://%3: credentials and file contents would cross the network unencrypted. Only https:// is used, or http:// to this computer; ask the platform&apos;s administrators to hand out an https:// address.</source>
        <translation>已拒绝使用位于 %2://%3 的%1：凭证和文件内容会以未加密的形式在网络上传输。仅使用 https://，或仅对本机使用 http://；请联系平台管理员提供 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>bge::omics::OmicsConnections</name>
    <message>
        <source>There is no HealthOmics account named “%1” any more. Add it again under HealthOmics → Accounts.</source>
        <translation>已不存在名为“%1”的 HealthOmics 账户。请在“HealthOmics → 账户”中重新添加。</translation>
    </message>
</context>
<context>
    <name>bge::omics::ReadSetDownloadJob</name>
    <message>
        <source>No HealthOmics connection.</source>
        <translation>没有 HealthOmics 连接。</translation>
    </message>
    <message>
        <source>The read set %1 has no %2 file.</source>
        <translation>读段集 %1 没有 %2 文件。</translation>
    </message>
    <message>
        <source>The read set %1 is %2, not ACTIVE: it cannot be downloaded yet.</source>
        <translation>读段集 %1 的状态为 %2，不是 ACTIVE：暂时无法下载。</translation>
    </message>
    <message>
        <source>The metadata of %1 gives no part size for %2.</source>
        <translation>%1 的元数据没有给出 %2 的分片大小。</translation>
    </message>
</context>
<context>
    <name>bge::omics::ReadSetUploadJob</name>
    <message>
        <source>No HealthOmics connection.</source>
        <translation>没有 HealthOmics 连接。</translation>
    </message>
    <message>
        <source>A read set is one file, or two for paired FASTQ.</source>
        <translation>读段集是一个文件，双端 FASTQ 则为两个文件。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Unknown file type %1 (FASTQ, BAM, CRAM or UBAM).</source>
        <translation>未知的文件类型 %1（应为 FASTQ、BAM、CRAM 或 UBAM）。</translation>
    </message>
    <message>
        <source>Only FASTQ read sets have two files.</source>
        <translation>只有 FASTQ 读段集可以有两个文件。</translation>
    </message>
    <message>
        <source>The file type cannot be told from the bytes: choose one.</source>
        <translation>无法从字节内容判断文件类型：请选择一种。</translation>
    </message>
    <message>
        <source>The read set %1 is still %2 after %3 minutes.</source>
        <translation>读段集 %1 在 %3 分钟后仍为 %2。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>HealthOmics could not accept the read set %1: %2</source>
        <translation>HealthOmics 无法接受读段集 %1：%2</translation>
    </message>
    <message>
        <source>The read set %1 is %2 after its upload.</source>
        <translation>读段集 %1 上传后的状态为 %2。</translation>
    </message>
    <message>
        <source>The read set %1 holds %2 bytes for %3, which has %4 bytes.</source>
        <translation>读段集 %1 中 %3 为 %2 字节，而该文件有 %4 字节。</translation>
    </message>
    <message>
        <source>Cannot save the upload record %1: %2</source>
        <translation>无法保存上传记录 %1：%2</translation>
    </message>
    <message>
        <source>The earlier upload %1 is gone and made no read set: uploading again.</source>
        <translation>之前的上传 %1 已不存在，且未生成读段集：重新上传。</translation>
    </message>
    <message>
        <source>The earlier upload %1 was completed, but the read sets %2 all match it (the same name, sample, subject and sizes): delete the ones you do not want (aws omics batch-delete-read-set) and run the upload again.</source>
        <translation>之前的上传 %1 已完成，但读段集 %2 都与之相符（名称、样品、受试者和大小都相同）：请删除不需要的读段集（aws omics batch-delete-read-set）后再次运行上传。</translation>
    </message>
    <message>
        <source>The earlier upload %1 was completed as the read set %2: following it instead of uploading again.</source>
        <translation>之前的上传 %1 已完成为读段集 %2：改为跟踪该读段集，不再重新上传。</translation>
    </message>
    <message>
        <source>An earlier run already uploaded these files as the read set %1: following it instead of uploading again.</source>
        <translation>之前的运行已将这些文件上传为读段集 %1：改为跟踪该读段集，不再重新上传。</translation>
    </message>
    <message>
        <source>The read set %1 of an earlier upload is gone: uploading again.</source>
        <translation>之前上传的读段集 %1 已不存在：重新上传。</translation>
    </message>
</context>
<context>
    <name>bge::omics::ServiceError</name>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>AWS refused the request because its time is too far from AWS&apos;s: check this computer&apos;s clock and time zone.</source>
        <translation>AWS 拒绝了请求，因为请求的时间与 AWS 的时间相差太大：请检查本机的时钟和时区。</translation>
    </message>
    <message>
        <source>AWS refused the signature: check the secret access key for this account.</source>
        <translation>AWS 拒绝了签名：请检查此账户的私有访问密钥。</translation>
    </message>
    <message>
        <source>AWS refused the request as expired: check this computer&apos;s clock and time zone.</source>
        <translation>AWS 以请求已过期为由拒绝了请求：请检查本机的时钟和时区。</translation>
    </message>
    <message>
        <source>AWS does not recognise the access key ID or the session token: check the access key ID for this account, and that the key is still active.</source>
        <translation>AWS 无法识别访问密钥 ID 或会话令牌：请检查此账户的访问密钥 ID，并确认该密钥仍处于活动状态。</translation>
    </message>
    <message>
        <source>The AWS session token has expired: refresh your credentials (for example, sign in again with your identity provider) and retry.</source>
        <translation>AWS 会话令牌已过期：请刷新凭证（例如通过身份提供商重新登录）后重试。</translation>
    </message>
    <message>
        <source>AWS received no credentials: configure an access key for this account.</source>
        <translation>AWS 未收到任何凭证：请为此账户配置访问密钥。</translation>
    </message>
    <message>
        <source>AWS refused the request&apos;s signature as incomplete: the request was changed on its way, check any proxy between this computer and AWS.</source>
        <translation>AWS 因请求签名不完整而拒绝了请求：请求在传输途中被修改，请检查本机与 AWS 之间的代理。</translation>
    </message>
    <message>
        <source>AWS denied access: the IAM user or role for this account lacks a HealthOmics permission for this action or resource.</source>
        <translation>AWS 拒绝访问：此账户的 IAM 用户或角色缺少对此操作或资源的 HealthOmics 权限。</translation>
    </message>
    <message>
        <source>HealthOmics refused the request as invalid.</source>
        <translation>HealthOmics 以请求无效为由拒绝了请求。</translation>
    </message>
    <message>
        <source>HealthOmics could not find it: check the sequence store, read set, upload or job ID and the region.</source>
        <translation>HealthOmics 找不到该资源：请检查序列存储、读段集、上传或任务的 ID 以及区域。</translation>
    </message>
    <message>
        <source>A HealthOmics service quota of this account is used up: delete what is no longer needed or ask AWS for a higher quota.</source>
        <translation>此账户的某项 HealthOmics 服务配额已用尽：请删除不再需要的资源，或向 AWS 申请提高配额。</translation>
    </message>
    <message>
        <source>HealthOmics does not support this operation for this sequence store or read set.</source>
        <translation>HealthOmics 不支持对此序列存储或读段集执行该操作。</translation>
    </message>
    <message>
        <source>HealthOmics timed out waiting for the request: check the network connection and try again.</source>
        <translation>HealthOmics 等待请求超时：请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The read set is not in a state that allows this yet (for example, still being processed or archived): try again later.</source>
        <translation>读段集当前的状态还不允许执行此操作（例如仍在处理中或已归档）：请稍后重试。</translation>
    </message>
    <message>
        <source>HealthOmics has no such part of this read set file: the part number is beyond its end.</source>
        <translation>HealthOmics 中没有该读段集文件的这个分片：分片编号超出了文件末尾。</translation>
    </message>
    <message>
        <source>HealthOmics is limiting the request rate of this account: wait a moment and try again.</source>
        <translation>HealthOmics 正在限制此账户的请求速率：请稍候再试。</translation>
    </message>
    <message>
        <source>HealthOmics had an internal problem: try again later.</source>
        <translation>HealthOmics 内部出错：请稍后重试。</translation>
    </message>
    <message>
        <source>HealthOmics answered HTTP %1 without an error code.</source>
        <translation>HealthOmics 返回了 HTTP %1，但没有错误代码。</translation>
    </message>
    <message>
        <source>HealthOmics refused the request (%1).</source>
        <translation>HealthOmics 拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>HealthOmics refused the request (%1: %2).</source>
        <translation>HealthOmics 拒绝了请求（%1：%2）。</translation>
    </message>
</context>
<context>
    <name>bge::seqformat::ReadPairing</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 was given twice.</source>
        <translation>%1 提供了两次。</translation>
    </message>
    <message>
        <source>%1 cannot be paired: a read set needs exactly one read-1 and one read-2 file, and these names give %2 read-1 and %3 read-2 files.</source>
        <translation>%1 无法配对：一个读段集需要恰好一个读段 1 文件和一个读段 2 文件，而按这些文件名共有 %2 个读段 1 文件和 %3 个读段 2 文件。</translation>
    </message>
    <message>
        <source>%1 looks like read 1 of a pair, but no read-2 file was given; it becomes a single-end read set.</source>
        <translation>%1 看起来是双端测序的读段 1，但未提供读段 2 文件；它将作为单端读段集。</translation>
    </message>
    <message>
        <source>%1 looks like read 2 of a pair, but no read-1 file was given; it becomes a single-end read set.</source>
        <translation>%1 看起来是双端测序的读段 2，但未提供读段 1 文件；它将作为单端读段集。</translation>
    </message>
</context>
<context>
    <name>bge::seqformat::Sniffer</name>
    <message>
        <source>the BAM header is cut short</source>
        <translation>BAM 头部不完整（被截断）</translation>
    </message>
    <message>
        <source>the BAM header declares a negative text length</source>
        <translation>BAM 头部声明的文本长度为负数</translation>
    </message>
    <message>
        <source>the BAM header text is not a SAM header</source>
        <translation>BAM 头部文本不是 SAM 头部</translation>
    </message>
    <message>
        <source>the BAM header declares %1 bytes of text, more than the file holds</source>
        <translation>BAM 头部声明的文本长度为 %1 字节，超出了文件的实际大小</translation>
    </message>
    <message>
        <source>the BAM header declares a negative number of reference sequences</source>
        <translation>BAM 头部声明的参考序列数为负数</translation>
    </message>
    <message>
        <source>the CRAM file definition is cut short</source>
        <translation>CRAM 文件定义不完整（被截断）</translation>
    </message>
    <message>
        <source>CRAM version %1.%2 is not one HealthOmics reads (2.1, 3.0 and 3.1 are)</source>
        <translation>CRAM 版本 %1.%2 不是 HealthOmics 可读取的版本（支持 2.1、3.0 和 3.1）</translation>
    </message>
    <message>
        <source>the file ends without CRAM&apos;s end-of-file container: it is probably truncated</source>
        <translation>文件末尾缺少 CRAM 的文件结束容器：文件可能已被截断</translation>
    </message>
    <message>
        <source>the BAM data is not compressed; BAM must be BGZF-compressed (samtools view -b)</source>
        <translation>BAM 数据未经压缩；BAM 必须采用 BGZF 压缩（samtools view -b）</translation>
    </message>
    <message>
        <source>the BAM data is in plain gzip, not BGZF; rewrite it with samtools view -b</source>
        <translation>BAM 数据采用普通 gzip 压缩，而不是 BGZF；请用 samtools view -b 重新生成</translation>
    </message>
    <message>
        <source>this CRAM file has been compressed again; upload the CRAM file itself</source>
        <translation>此 CRAM 文件被再次压缩过；请直接上传 CRAM 文件本身</translation>
    </message>
    <message>
        <source>a BCF file holds variants, not reads</source>
        <translation>BCF 文件包含的是变异，而不是读段</translation>
    </message>
    <message>
        <source>a VCF file holds variants, not reads</source>
        <translation>VCF 文件包含的是变异，而不是读段</translation>
    </message>
    <message>
        <source>SAM text must be converted to BAM or CRAM first (samtools view -b or -C)</source>
        <translation>SAM 文本必须先转换为 BAM 或 CRAM（samtools view -b 或 -C）</translation>
    </message>
    <message>
        <source>FASTA holds sequences without base qualities (a reference or an assembly), not reads</source>
        <translation>FASTA 包含的是没有碱基质量值的序列（参考基因组或组装结果），而不是读段</translation>
    </message>
    <message>
        <source>the compressed data is not a sequencing format</source>
        <translation>压缩的数据不是测序数据格式</translation>
    </message>
    <message>
        <source>the text is not FASTQ, and not BAM or CRAM either</source>
        <translation>该文本不是 FASTQ，也不是 BAM 或 CRAM</translation>
    </message>
    <message>
        <source>the bytes match none of FASTQ, BAM, uBAM or CRAM</source>
        <translation>文件内容与 FASTQ、BAM、uBAM、CRAM 均不匹配</translation>
    </message>
    <message>
        <source>the compressed data is corrupt (%1)</source>
        <translation>压缩数据已损坏（%1）</translation>
    </message>
    <message>
        <source>the compressed data stops abruptly: the file is truncated</source>
        <translation>压缩数据意外中断：文件已被截断</translation>
    </message>
    <message>
        <source>the file holds only an empty compressed stream</source>
        <translation>文件只包含一个空的压缩流</translation>
    </message>
    <message>
        <source>the file ends without BGZF&apos;s end-of-file marker: it is probably truncated</source>
        <translation>文件末尾缺少 BGZF 的文件结束标记：文件可能已被截断</translation>
    </message>
    <message>
        <source>gzip-compressed FASTQ</source>
        <translation>gzip 压缩的 FASTQ</translation>
    </message>
    <message>
        <source>BGZF-compressed FASTQ</source>
        <translation>BGZF 压缩的 FASTQ</translation>
    </message>
    <message>
        <source>FASTQ</source>
        <translation>FASTQ</translation>
    </message>
    <message>
        <source>aligned BAM</source>
        <translation>已比对的 BAM</translation>
    </message>
    <message>
        <source>unaligned BAM (uBAM)</source>
        <translation>未比对的 BAM（uBAM）</translation>
    </message>
    <message>
        <source>BAM</source>
        <translation>BAM</translation>
    </message>
    <message>
        <source>CRAM %1.%2</source>
        <translation>CRAM %1.%2</translation>
    </message>
    <message>
        <source>CRAM</source>
        <translation>CRAM</translation>
    </message>
    <message>
        <source>FASTA</source>
        <translation>FASTA</translation>
    </message>
    <message>
        <source>SAM text</source>
        <translation>SAM 文本</translation>
    </message>
    <message>
        <source>VCF</source>
        <translation>VCF</translation>
    </message>
    <message>
        <source>BCF</source>
        <translation>BCF</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>an unreadable file</source>
        <translation>无法读取的文件</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <source>bzip2-compressed data</source>
        <translation>bzip2 压缩的数据</translation>
    </message>
    <message>
        <source>xz-compressed data</source>
        <translation>xz 压缩的数据</translation>
    </message>
    <message>
        <source>zstd-compressed data</source>
        <translation>zstd 压缩的数据</translation>
    </message>
    <message>
        <source>BGZF-compressed data</source>
        <translation>BGZF 压缩的数据</translation>
    </message>
    <message>
        <source>gzip-compressed data</source>
        <translation>gzip 压缩的数据</translation>
    </message>
    <message>
        <source>an unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>“%1” is not a regular file: %2.</source>
        <translation>“%1”不是普通文件：%2。</translation>
    </message>
    <message>
        <source>“%1” looks like %2 but is damaged: %3.</source>
        <translation>“%1”看起来是 %2，但已损坏：%3。</translation>
    </message>
    <message>
        <source>“%1” is %2.</source>
        <translation>“%1”是 %2。</translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation>“%1”为空。</translation>
    </message>
    <message>
        <source>“%1” is not a sequencing file HealthOmics can read: %2.</source>
        <translation>“%1”不是 HealthOmics 可读取的测序文件：%2。</translation>
    </message>
    <message>
        <source>“%1” is %2, not a read-set file: %3.</source>
        <translation>“%1”是 %2，而不是读段集文件：%3。</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>HealthOmics reads FASTQ plain or gzip-compressed; unpack the archive first</source>
        <translation>HealthOmics 只读取未压缩或 gzip 压缩的 FASTQ；请先解开该压缩包</translation>
    </message>
    <message>
        <source>HealthOmics reads FASTQ plain or gzip-compressed; recompress it with gzip</source>
        <translation>HealthOmics 只读取未压缩或 gzip 压缩的 FASTQ；请用 gzip 重新压缩</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>it is a device, socket or pipe</source>
        <translation>这是设备、套接字或管道</translation>
    </message>
    <message>
        <source>the file changed while it was read</source>
        <translation>文件在读取过程中发生了变化</translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>第 %1 条记录：%2</translation>
    </message>
    <message>
        <source>the first line does not start with &apos;@&apos;</source>
        <translation>第一行不是以 &apos;@&apos; 开头</translation>
    </message>
    <message>
        <source>the header line does not start with &apos;@&apos;</source>
        <translation>标题行不是以 &apos;@&apos; 开头</translation>
    </message>
    <message>
        <source>the first line is longer than the bytes read</source>
        <translation>第一行的长度超过了已读取的字节数</translation>
    </message>
    <message>
        <source>the second line is not a sequence of bases</source>
        <translation>第二行不是碱基序列</translation>
    </message>
    <message>
        <source>the sequence line holds characters that are not bases</source>
        <translation>序列行包含非碱基字符</translation>
    </message>
    <message>
        <source>the third line does not start with &apos;+&apos;</source>
        <translation>第三行不是以 &apos;+&apos; 开头</translation>
    </message>
    <message>
        <source>the separator line does not start with &apos;+&apos;</source>
        <translation>分隔行不是以 &apos;+&apos; 开头</translation>
    </message>
    <message>
        <source>the quality line holds characters that are not quality scores</source>
        <translation>质量行包含不是质量值的字符</translation>
    </message>
    <message>
        <source>the quality line has %1 characters for %2 bases</source>
        <translation>质量行有 %1 个字符，而碱基有 %2 个</translation>
    </message>
    <message>
        <source>the file ends in the middle of this record</source>
        <translation>文件在该记录中间结束</translation>
    </message>
</context>
<context>
    <name>bge::seqformat::UploadCheck</name>
    <message>
        <source>“%1” was declared BAM, but it is an unaligned BAM (no @SQ lines, no reference sequences); upload it as UBAM.</source>
        <translation>“%1”被声明为 BAM，但它是未比对的 BAM（没有 @SQ 行，没有参考序列）；请以 UBAM 类型上传。</translation>
    </message>
    <message>
        <source>“%1” is an unaligned BAM (no @SQ lines, no reference sequences): it will be uploaded as UBAM, without a reference.</source>
        <translation>“%1”是未比对的 BAM（没有 @SQ 行，没有参考序列）：将以 UBAM 类型上传，不带参考基因组。</translation>
    </message>
    <message>
        <source>The header of “%1” is too long to confirm that it is unaligned; it will be uploaded as UBAM as chosen.</source>
        <translation>“%1”的头部过长，无法确认其未经比对；将按所选类型以 UBAM 上传。</translation>
    </message>
    <message>
        <source>“%1” was declared UBAM, but it is an aligned BAM (its header lists reference sequences); upload it as BAM, with its reference.</source>
        <translation>“%1”被声明为 UBAM，但它是已比对的 BAM（其头部列出了参考序列）；请以 BAM 类型上传，并指定其参考基因组。</translation>
    </message>
    <message>
        <source>“%1” is named like a UBAM file, but it is an aligned BAM (its header lists reference sequences); upload it as BAM, with its reference.</source>
        <translation>“%1”的文件名看起来是 UBAM 文件，但它是已比对的 BAM（其头部列出了参考序列）；请以 BAM 类型上传，并指定其参考基因组。</translation>
    </message>
    <message>
        <source>“%1” was declared %2, but its bytes are %3.</source>
        <translation>“%1”被声明为 %2，但其内容实际是 %3。</translation>
    </message>
    <message>
        <source>“%1” is named like a %2 file, but its bytes are %3.</source>
        <translation>“%1”的文件名看起来是 %2 文件，但其内容实际是 %3。</translation>
    </message>
    <message>
        <source>“%1” was given twice; a paired read set needs its read-1 and its read-2 file.</source>
        <translation>“%1”提供了两次；双端读段集需要读段 1 文件和读段 2 文件各一个。</translation>
    </message>
    <message>
        <source>“%1” looks like read 2 and “%2” like read 1; give the read-1 file first.</source>
        <translation>“%1”看起来是读段 2，而“%2”看起来是读段 1；请先提供读段 1 文件。</translation>
    </message>
    <message>
        <source>“%1” and “%2” both look like read %3; a pair needs one read-1 and one read-2 file.</source>
        <translation>“%1”和“%2”看起来都是读段 %3；一对读段需要一个读段 1 文件和一个读段 2 文件。</translation>
    </message>
    <message>
        <source>The names of “%1” and “%2” do not say they are the two reads of one pair; they will be uploaded as read 1 and read 2 in this order.</source>
        <translation>从“%1”和“%2”的文件名看不出它们是同一对的两个读段；将按此顺序分别作为读段 1 和读段 2 上传。</translation>
    </message>
    <message>
        <source>A %1 read set needs a reference: choose the reference genome its reads were aligned to.</source>
        <translation>%1 读段集需要参考基因组：请选择其读段比对时所用的参考基因组。</translation>
    </message>
    <message>
        <source>“%1” is not a reference ARN (arn:aws:omics:…:referenceStore/…/reference/…).</source>
        <translation>“%1”不是参考 ARN（arn:aws:omics:…:referenceStore/…/reference/…）。</translation>
    </message>
    <message>
        <source>Choose the file to upload.</source>
        <translation>请选择要上传的文件。</translation>
    </message>
    <message>
        <source>A read set has one file, or two for paired FASTQ; %1 files were given.</source>
        <translation>一个读段集包含一个文件，双端 FASTQ 为两个文件；当前提供了 %1 个文件。</translation>
    </message>
    <message>
        <source>Only FASTQ read sets can have two files; %1 was chosen.</source>
        <translation>只有 FASTQ 读段集可以包含两个文件；当前选择的是 %1。</translation>
    </message>
    <message>
        <source>Only FASTQ read sets can have two files; “%1” is %2.</source>
        <translation>只有 FASTQ 读段集可以包含两个文件；“%1”是 %2。</translation>
    </message>
</context>
<context>
    <name>bge::ui::AboutDialog</name>
    <message>
        <source>About BGE Desktop</source>
        <translation>关于 BGE Desktop</translation>
    </message>
    <message>
        <source>BGE Desktop %1</source>
        <translation>BGE Desktop %1</translation>
    </message>
    <message>
        <source>Samples, variants, abundance and models of the BGE Open Platform, on your desktop.</source>
        <translation>在桌面上查看 BGE 开放平台的样本、变异位点、丰度和模型。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>基于 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
    <message>
        <source>Licence: see the LICENSE file that comes with the program.</source>
        <translation>许可证：请参阅随程序提供的 LICENSE 文件。</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>服务地址：%1</translation>
    </message>
</context>
<context>
    <name>bge::ui::AbundanceView</name>
    <message>
        <source>&amp;Taxa</source>
        <translation>物种(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Functions</source>
        <translation>功能(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Genes</source>
        <translation>基因(&amp;G)</translation>
    </message>
    <message>
        <source>Sign in to see microbiome abundance.</source>
        <translation>登录后查看微生物丰度。</translation>
    </message>
    <message>
        <source>Abundance is measured for metagenomics samples. %1 is a %2 sample: look up its variants instead.</source>
        <translation>丰度仅针对宏基因组样品测定。%1 是%2样品：请改为查询其变异位点。</translation>
    </message>
    <message>
        <source>&amp;Composition</source>
        <translation>组成(&amp;C)</translation>
    </message>
    <message>
        <source>The selected samples&apos; compositions side by side (Ctrl+click or Shift+click several samples in the list)</source>
        <translation>所选样品的组成并排比较（在列表中按住 Ctrl 或 Shift 单击可选择多个样品）</translation>
    </message>
    <message>
        <source>Select a metagenomics sample to see its taxon, function and gene abundance. Select several (Ctrl+click or Shift+click) to compare their compositions.</source>
        <translation>选择一个宏基因组样品以查看其物种、功能和基因丰度。选择多个（按住 Ctrl 或 Shift 单击）可比较它们的组成。</translation>
    </message>
    <message>
        <source>Abundance of the sample</source>
        <translation>样品的丰度</translation>
    </message>
    <message>
        <source>The taxa at every rank, and a chart against the reference cohort</source>
        <translation>各分类等级的物种，以及与参考人群对比的图表</translation>
    </message>
    <message>
        <source>Functional abundance in a catalog of your choice</source>
        <translation>所选功能数据库中的功能丰度</translation>
    </message>
    <message>
        <source>Gene abundance and result files</source>
        <translation>基因丰度和结果文件</translation>
    </message>
</context>
<context>
    <name>bge::ui::AccountButton</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>已在 %2 以 %1 身份登录</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
</context>
<context>
    <name>bge::ui::AuthorizationCodeSignIn</name>
    <message>
        <source>The sign-in page could not be loaded from %1.</source>
        <translation>无法从 %1 加载登录页面。</translation>
    </message>
    <message>
        <source>The link to %1 was opened in your web browser.</source>
        <translation>指向 %1 的链接已在您的网页浏览器中打开。</translation>
    </message>
    <message>
        <source>Platform sign-in page</source>
        <translation>平台登录页面</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the browser&apos;s answer: %1</source>
        <translation>无法在 127.0.0.1 上监听浏览器的返回结果：%1</translation>
    </message>
    <message>
        <source>Waiting for you to sign in in your web browser…</source>
        <translation>正在等待您在网页浏览器中完成登录…</translation>
    </message>
    <message>
        <source>Completing the sign-in…</source>
        <translation>正在完成登录…</translation>
    </message>
    <message>
        <source>%1 Check the client secret and try again.</source>
        <translation>%1 请检查客户端密钥后重试。</translation>
    </message>
</context>
<context>
    <name>bge::ui::AuthorizationRefusalPanel</name>
    <message>
        <source>You declined access for BGE Desktop. It can show your samples and results only with your permission: sign in again and approve, or cancel to choose another profile.</source>
        <translation>您拒绝了 BGE Desktop 的访问请求。只有获得您的授权，它才能显示您的样品和结果：请重新登录并授权，或取消以选择其他配置。</translation>
    </message>
    <message>
        <source>The platform does not grant this application the access the profile asks for. Check the scopes in the profile&apos;s settings, or ask the platform&apos;s administrators to grant them.</source>
        <translation>平台未授予此应用该配置所请求的访问权限。请检查配置设置中的授权范围，或请平台管理员授予这些权限。</translation>
    </message>
    <message>
        <source>The platform does not let this application sign people in with its page. Check the profile&apos;s client id.</source>
        <translation>平台不允许此应用通过其页面登录用户。请检查配置的客户端 ID。</translation>
    </message>
    <message>
        <source>The platform refused the sign-in request. Sign in again; if it happens again, the profile&apos;s server may not be a BGE Open Platform.</source>
        <translation>平台拒绝了登录请求。请重新登录；如果再次发生，该配置的服务器可能不是 BGE 开放平台。</translation>
    </message>
    <message>
        <source>The platform ran into a problem while signing you in. Sign in again in a moment.</source>
        <translation>平台在登录过程中出现问题。请稍后重新登录。</translation>
    </message>
    <message>
        <source>The platform cannot sign you in right now (busy or under maintenance). Sign in again in a moment.</source>
        <translation>平台暂时无法为您登录（繁忙或正在维护）。请稍后重新登录。</translation>
    </message>
    <message>
        <source>The platform did not complete the sign-in (%1). Sign in again; if it happens again, contact the platform&apos;s support.</source>
        <translation>平台未完成登录（%1）。请重新登录；如果再次发生，请联系平台支持。</translation>
    </message>
    <message>
        <source>The platform&apos;s answer: %1</source>
        <translation>平台的回答：%1</translation>
    </message>
    <message>
        <source>The platform&apos;s answer: %1 (%2)</source>
        <translation>平台的回答：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Sign In Again</source>
        <translation>重新登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bge::ui::AuthorizationWebPage</name>
    <message>
        <source>The sign-in page&apos;s certificate is not trusted (%1). If your organisation uses its own certificate authority, add it to the profile&apos;s settings.</source>
        <translation>登录页面的证书不受信任（%1）。如果您的机构使用自己的证书颁发机构，请将其添加到配置的设置中。</translation>
    </message>
</context>
<context>
    <name>bge::ui::BusyPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>bge::ui::CatalogNames</name>
    <message>
        <source>Gene Ontology</source>
        <translation>基因本体（GO）</translation>
    </message>
    <message>
        <source>KEGG orthologs</source>
        <translation>KEGG 直系同源</translation>
    </message>
    <message>
        <source>eggNOG orthologous groups</source>
        <translation>eggNOG 直系同源群</translation>
    </message>
    <message>
        <source>Pfam protein families</source>
        <translation>Pfam 蛋白家族</translation>
    </message>
    <message>
        <source>KEGG pathways</source>
        <translation>KEGG 通路</translation>
    </message>
    <message>
        <source>KEGG modules</source>
        <translation>KEGG 模块</translation>
    </message>
    <message>
        <source>Enzyme Commission numbers (level 4)</source>
        <translation>酶学委员会编号（第 4 级 EC）</translation>
    </message>
    <message>
        <source>MetaCyc reactions</source>
        <translation>MetaCyc 反应</translation>
    </message>
    <message>
        <source>MetaCyc pathways</source>
        <translation>MetaCyc 通路</translation>
    </message>
    <message>
        <source>Integrated Gene Catalog, 9.9 million genes</source>
        <translation>整合基因集（IGC），990 万基因</translation>
    </message>
    <message>
        <source>UniRef90 gene families (HUMAnN2), files only</source>
        <translation>UniRef90 基因家族（HUMAnN2），仅提供文件</translation>
    </message>
</context>
<context>
    <name>bge::ui::ChartExport</name>
    <message>
        <source>The chart could not be saved to %1: %2</source>
        <translation>图表无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Exported from BGE Desktop</source>
        <translation>由 BGE Desktop 导出</translation>
    </message>
</context>
<context>
    <name>bge::ui::ChartExporter</name>
    <message>
        <source>Export Chart as &amp;PNG…</source>
        <translation>将图表导出为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image at %1 dpi, for print</source>
        <translation>将图表保存为 %1 dpi 的 PNG 图片，用于印刷</translation>
    </message>
    <message>
        <source>Export Chart as &amp;SVG…</source>
        <translation>将图表导出为 &amp;SVG…</translation>
    </message>
    <message>
        <source>Save the chart as SVG, to edit in a vector drawing program</source>
        <translation>将图表保存为 SVG，可在矢量绘图软件中编辑</translation>
    </message>
    <message>
        <source>PNG image, %1 dpi (*.png)</source>
        <translation>PNG 图片，%1 dpi (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>bge::ui::ClientCredentialsSignIn</name>
    <message>
        <source>Checking the client secret…</source>
        <translation>正在验证客户端密钥…</translation>
    </message>
    <message>
        <source>The platform refused this client id and secret (%1 %2).</source>
        <translation>平台拒绝了此客户端 ID 和密钥（%1 %2）。</translation>
    </message>
</context>
<context>
    <name>bge::ui::ClientSecretForm</name>
    <message>
        <source>This profile signs in as the application itself, with the client id and secret the platform issued for it. The secret is kept in the system keychain.</source>
        <translation>此配置以应用本身的身份登录，使用平台为其签发的客户端 ID 和密钥。密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Signing in needs the client secret of this application once; it is then kept in the system keychain.</source>
        <translation>登录需要提供一次此应用的客户端密钥，之后密钥将保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续(&amp;O)</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>客户端 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>客户端密钥(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>bge::ui::CodeChoiceButton</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: any (no filter)</source>
        <translation>%1：不限（不筛选）</translation>
    </message>
</context>
<context>
    <name>bge::ui::ColumnChooser</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>显示所有列</translation>
    </message>
</context>
<context>
    <name>bge::ui::ComparisonTableModel</name>
    <message>
        <source>Not found in this sample</source>
        <translation>此样品中未检出</translation>
    </message>
    <message>
        <source>Relative abundance (%) in %1; its %2-level taxa sum to %3 %</source>
        <translation>%1 中的相对丰度（%）；其%2水平物种合计 %3 %</translation>
    </message>
    <message>
        <source>Taxon</source>
        <translation>物种</translation>
    </message>
    <message>
        <source>Mean (%)</source>
        <translation>平均值（%）</translation>
    </message>
    <message>
        <source>Taxon id</source>
        <translation>物种 ID</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>分类谱系</translation>
    </message>
</context>
<context>
    <name>bge::ui::CompositionChart</name>
    <message>
        <source>Composition of the selected samples</source>
        <translation>所选样品的组成</translation>
    </message>
    <message>
        <source>A bar per sample, stacked from its most abundant taxa at the chosen rank; the rest as Other</source>
        <translation>每个样品一条堆积条形，由所选分类水平上丰度最高的物种组成，其余归为“其他”</translation>
    </message>
    <message>
        <source>Relative abundance (%)</source>
        <translation>相对丰度（%）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Select metagenomics samples to see their composition</source>
        <translation>选择宏基因组样品以查看其组成</translation>
    </message>
    <message>
        <source>No %1-level taxa in the selected samples</source>
        <translation>所选样品中没有%1水平的物种</translation>
    </message>
    <message numerus="yes">
        <source>Composition at %1 level, %n sample(s)</source>
        <translation>
            <numerusform>%1水平的组成，%n 个样品</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2: %3 % relative abundance (%4 % at %5 level in all)</source>
        <translation>%1
%2：相对丰度 %3 %（%5水平合计 %4 %）</translation>
    </message>
</context>
<context>
    <name>bge::ui::CompositionPage</name>
    <message>
        <source>Rank of the composition</source>
        <translation>组成的分类水平</translation>
    </message>
    <message>
        <source>Number of taxa stacked before Other</source>
        <translation>归入“其他”之前堆积的物种数</translation>
    </message>
    <message>
        <source>Taxa by sample</source>
        <translation>各样品的物种</translation>
    </message>
    <message>
        <source>&amp;Rank</source>
        <translation>分类水平(&amp;R)</translation>
    </message>
    <message>
        <source>T&amp;op taxa</source>
        <translation>前几位物种(&amp;O)</translation>
    </message>
    <message>
        <source>Fetching the taxa of the selected samples…</source>
        <translation>正在获取所选样品的物种…</translation>
    </message>
    <message>
        <source>Select metagenomics samples in the list (Ctrl+click or Shift+click for several).</source>
        <translation>请在列表中选择宏基因组样品（按住 Ctrl 或 Shift 单击可选择多个）。</translation>
    </message>
    <message numerus="yes">
        <source>Fetched %1 of %n sample(s)…</source>
        <translation>
            <numerusform>已获取 %1/%n 个样品…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) could not be fetched: %1</source>
        <translation>
            <numerusform>%n 个样品无法获取：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) compared.</source>
        <translation>
            <numerusform>已比较 %n 个样品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No abundance results on the platform yet for %n sample(s): %1</source>
        <translation>
            <numerusform>平台上尚无以下 %n 个样品的丰度结果：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %1 are shown; %n more selected are not.</source>
        <translation>
            <numerusform>仅显示前 %1 个；另有 %n 个已选样品未显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected sample(s) left out: abundance is measured for metagenomics samples only.</source>
        <translation>
            <numerusform>已略去 %n 个所选样品：仅宏基因组样品测定丰度。</numerusform>
        </translation>
    </message>
    <message>
        <source>The rank at which the selected samples are compared</source>
        <translation>比较所选样品时使用的分类等级</translation>
    </message>
    <message>
        <source>How many taxa each stack shows; the rest of the rank is Other</source>
        <translation>每个堆积柱显示的物种数；该等级的其余部分归入“其他”</translation>
    </message>
    <message>
        <source>Each taxon of the rank, its abundance in every selected sample and the mean</source>
        <translation>该等级的每个物种在各所选样品中的丰度及其平均值</translation>
    </message>
</context>
<context>
    <name>bge::ui::ConnectionIndicator</name>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>The platform answers. Click to check again.</source>
        <translation>平台响应正常。点击可重新检查。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Click to check again.</source>
        <translation>点击可重新检查。</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>连接状态：%1</translation>
    </message>
</context>
<context>
    <name>bge::ui::DesktopCommandLine</name>
    <message>
        <source>BGE Desktop: samples, variants, abundance and models of the BGE Open Platform.</source>
        <translation>BGE Desktop：BGE 开放平台的样本、变异位点、丰度和模型。</translation>
    </message>
    <message>
        <source>Open with the stored profile &lt;name&gt;.</source>
        <translation>使用已保存的配置 &lt;name&gt; 启动。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Open with the offline sandbox: the app starts it with demo data and stops it on exit.</source>
        <translation>使用离线沙盒启动：程序会自动启动带演示数据的沙盒，并在退出时将其关闭。</translation>
    </message>
    <message>
        <source>Interface language, e.g. en or zh_CN (default: the preferences, else the system&apos;s).</source>
        <translation>界面语言，例如 en 或 zh_CN（默认取首选项中的设置，否则跟随系统）。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Print how long the start took once the window is shown, then quit (benchmark).</source>
        <translation>窗口显示后输出启动耗时，然后退出（性能测试用）。</translation>
    </message>
    <message>
        <source>Invalid profile name “%1” (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;).</source>
        <translation>配置名称“%1”无效（只能包含字母、数字、“.”、“_”和“-”）。</translation>
    </message>
    <message>
        <source>Use either --sandbox or --profile, not both.</source>
        <translation>--sandbox 与 --profile 只能任选其一。</translation>
    </message>
</context>
<context>
    <name>bge::ui::DistributionChart</name>
    <message>
        <source>Background distributions of the result</source>
        <translation>结果的背景分布</translation>
    </message>
    <message>
        <source>This result has no background distributions</source>
        <translation>此结果没有背景分布</translation>
    </message>
    <message>
        <source>Background distributions</source>
        <translation>背景分布</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>This sample (%1)</source>
        <translation>本样品（%1）</translation>
    </message>
    <message>
        <source>Threshold (%1)</source>
        <translation>阈值（%1）</translation>
    </message>
    <message>
        <source>Cohort (min, quartiles, median, max)</source>
        <translation>参考人群（最小值、四分位数、中位数、最大值）</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>参考人群</translation>
    </message>
    <message>
        <source>This sample</source>
        <translation>本样品</translation>
    </message>
</context>
<context>
    <name>bge::ui::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>bge::ui::ExportButton</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the table as CSV (for spreadsheets) or TSV (for scripts)</source>
        <translation>将表格保存为 CSV（用于电子表格）或 TSV（用于脚本）</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV，逗号分隔 (*.csv)</translation>
    </message>
    <message>
        <source>TSV, tab-separated (*.tsv *.tab *.txt)</source>
        <translation>TSV，制表符分隔 (*.tsv *.tab *.txt)</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
</context>
<context>
    <name>bge::ui::FieldForm</name>
    <message>
        <source>The platform says: %1</source>
        <translation>平台提示：%1</translation>
    </message>
</context>
<context>
    <name>bge::ui::FunctionAbundanceModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Abundance (%)</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>编码体系</translation>
    </message>
</context>
<context>
    <name>bge::ui::FunctionsPage</name>
    <message>
        <source>Function catalog</source>
        <translation>功能数据库</translation>
    </message>
    <message>
        <source>Function abundance</source>
        <translation>功能丰度</translation>
    </message>
    <message>
        <source>&amp;Catalog:</source>
        <translation>数据库(&amp;C)：</translation>
    </message>
    <message>
        <source>The catalog whose functions the sample&apos;s genes are counted in</source>
        <translation>用于统计样品基因功能的数据库</translation>
    </message>
    <message>
        <source>The functions found in the sample, with their abundance</source>
        <translation>样品中检出的功能及其丰度</translation>
    </message>
</context>
<context>
    <name>bge::ui::GeneAbundanceModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Double-click or press Download to fetch this file</source>
        <translation>双击或点击“下载”获取此文件</translation>
    </message>
    <message>
        <source>Gene ID</source>
        <translation>基因 ID</translation>
    </message>
    <message>
        <source>Gene name</source>
        <translation>基因名称</translation>
    </message>
    <message>
        <source>Abundance (%)</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>KEGG</source>
        <translation>KEGG</translation>
    </message>
    <message>
        <source>eggNOG</source>
        <translation>eggNOG</translation>
    </message>
    <message>
        <source>Genus</source>
        <translation>属</translation>
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
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Object name</source>
        <translation>对象名</translation>
    </message>
</context>
<context>
    <name>bge::ui::GenesPage</name>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Gene catalog</source>
        <translation>基因集</translation>
    </message>
    <message>
        <source>Result type</source>
        <translation>结果类型</translation>
    </message>
    <message>
        <source>Genes and their abundance</source>
        <translation>基因及其丰度</translation>
    </message>
    <message>
        <source>Result files to download</source>
        <translation>可下载的结果文件</translation>
    </message>
    <message>
        <source>Download the selected result file</source>
        <translation>下载所选结果文件</translation>
    </message>
    <message>
        <source>Gene abundance</source>
        <translation>基因丰度</translation>
    </message>
    <message>
        <source>&amp;Catalog:</source>
        <translation>数据库(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Results:</source>
        <translation>结果(&amp;R)：</translation>
    </message>
    <message>
        <source>The genes and their abundance, or the result files to download</source>
        <translation>基因及其丰度，或可下载的结果文件</translation>
    </message>
    <message>
        <source>The genes found in the sample with their abundance, or its result files</source>
        <translation>样品中检出的基因及其丰度，或样品的结果文件</translation>
    </message>
</context>
<context>
    <name>bge::ui::GenotypeComparisonModel</name>
    <message>
        <source>Gene: %1</source>
        <translation>基因：%1</translation>
    </message>
    <message>
        <source>Depth: %1</source>
        <translation>深度：%1</translation>
    </message>
    <message>
        <source>Genotype quality: %1</source>
        <translation>基因型质量：%1</translation>
    </message>
    <message>
        <source>%1 (external id %2)</source>
        <translation>%1（外部 ID %2）</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>正在获取…</translation>
    </message>
    <message>
        <source>Not fetched: %1</source>
        <translation>未获取：%1</translation>
    </message>
    <message>
        <source>Not fetched</source>
        <translation>未获取</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>未检出</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
</context>
<context>
    <name>bge::ui::GenotypeComparisonView</name>
    <message>
        <source>Genotype comparison</source>
        <translation>基因型比较</translation>
    </message>
    <message>
        <source>One row per sample, one column per rsid</source>
        <translation>每个样品一行，每个 rsid 一列</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n sample(s) that are not genomics: %1</source>
        <translation>
            <numerusform>已略去 %n 个非基因组样品：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No results on the platform yet for %n sample(s), so no calls: %1</source>
        <translation>
            <numerusform>平台上尚无 %n 个样品的结果，因此无检出：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Look up rsids to compare the genotypes of %n genomics sample(s).</source>
        <translation>
            <numerusform>查询 rsid 以比较 %n 个基因组样品的基因型。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %1 of %n sample(s)…</source>
        <translation>
            <numerusform>已获取 %1/%n 个样品…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Genotypes at %n rsid(s) in %1.</source>
        <translation>
            <numerusform>%1 在 %n 个 rsid 处的基因型。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) could not be fetched: %1</source>
        <translation>
            <numerusform>%n 个样品无法获取：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %1 are compared; %n more selected are not.</source>
        <translation>
            <numerusform>仅比较前 %1 个；另有 %n 个已选样品未比较。</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected samples&apos; genotypes, one row per sample and one column per rsid</source>
        <translation>所选样品的基因型：每行一个样品，每列一个 rsid</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportJobDetail</name>
    <message>
        <source>Show R&amp;ead Set</source>
        <translation>显示读段集(&amp;E)</translation>
    </message>
    <message>
        <source>Import job</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Sources of the import job</source>
        <translation>导入任务的来源</translation>
    </message>
    <message>
        <source>Show the read set this source became</source>
        <translation>显示此来源生成的读段集</translation>
    </message>
    <message>
        <source>Select an import job to see its sources.</source>
        <translation>选择一个导入任务以查看其来源。</translation>
    </message>
    <message>
        <source>Import job %1</source>
        <translation>导入任务 %1</translation>
    </message>
    <message>
        <source>Created %1, completed %2</source>
        <translation>创建于 %1，完成于 %2</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>Each source file of the job, what became of it and its read set</source>
        <translation>该任务的每个源文件、其处理结果及对应的读段集</translation>
    </message>
    <message>
        <source>Open the read set on the Read sets tab</source>
        <translation>在“读段集”标签页中打开该读段集</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportJobModel</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Completed with failures</source>
        <translation>已完成，部分失败</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Service role</source>
        <translation>服务角色</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportJobSourceModel</name>
    <message>
        <source>Source files</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Read set</source>
        <translation>读段集</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportJobsView</name>
    <message>
        <source>&amp;Start Import…</source>
        <translation>启动导入(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Import jobs</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Import jobs of the store</source>
        <translation>该序列存储的导入任务</translation>
    </message>
    <message>
        <source>Start an import job</source>
        <translation>启动导入任务</translation>
    </message>
    <message>
        <source>Refresh the import jobs</source>
        <translation>刷新导入任务</translation>
    </message>
    <message>
        <source>Start Import…</source>
        <translation>启动导入…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s), %1 running</source>
        <translation>
            <numerusform>%n 个任务，%1 个正在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>The store&apos;s import jobs, newest first; the chosen one is detailed below</source>
        <translation>该序列存储的导入任务，最新的在前；所选任务的详情显示在下方</translation>
    </message>
    <message>
        <source>Import read sets from files in S3 (Ctrl+I)</source>
        <translation>从 S3 中的文件导入读段集（Ctrl+I）</translation>
    </message>
    <message>
        <source>Ask the store again for its import jobs (F5)</source>
        <translation>重新获取该序列存储的导入任务（F5）</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportSourceCheck</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 contains characters that are not allowed.</source>
        <translation>%1 包含不允许的字符。</translation>
    </message>
    <message>
        <source>%1 is required: the S3 URI of the file (s3://bucket/key).</source>
        <translation>%1 为必填项：文件的 S3 URI（s3://bucket/key）。</translation>
    </message>
    <message>
        <source>%1 “%2” is not an S3 URI (s3://bucket/key, the bucket in lower case).</source>
        <translation>%1“%2”不是 S3 URI（s3://bucket/key，存储桶名须为小写）。</translation>
    </message>
    <message>
        <source>%1: “%2” must be text.</source>
        <translation>%1：“%2”必须是文本。</translation>
    </message>
    <message>
        <source>Choose the file type (FASTQ, BAM, CRAM or UBAM).</source>
        <translation>请选择文件类型（FASTQ、BAM、CRAM 或 UBAM）。</translation>
    </message>
    <message>
        <source>URI 1</source>
        <translation>URI 1</translation>
    </message>
    <message>
        <source>URI 2</source>
        <translation>URI 2</translation>
    </message>
    <message>
        <source>The subject id</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>The sample id</source>
        <translation>样品 ID</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>“Generated from”</source>
        <translation>“生成来源”</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Only FASTQ sources can have a second file (URI 2).</source>
        <translation>只有 FASTQ 来源可以有第二个文件（URI 2）。</translation>
    </message>
    <message>
        <source>URI 1 and URI 2 are the same file.</source>
        <translation>URI 1 和 URI 2 是同一个文件。</translation>
    </message>
    <message>
        <source>The service role is required: the ARN of an IAM role HealthOmics can assume to read the files (arn:aws:iam::…:role/…).</source>
        <translation>必须提供服务角色：HealthOmics 可代入以读取这些文件的 IAM 角色的 ARN（arn:aws:iam::…:role/…）。</translation>
    </message>
    <message>
        <source>“%1” is not a role ARN (arn:aws:iam::…:role/…).</source>
        <translation>“%1”不是角色 ARN（arn:aws:iam::…:role/…）。</translation>
    </message>
    <message>
        <source>The manifest is not JSON (%1 at byte %2).</source>
        <translation>清单不是有效的 JSON（%1，位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>The manifest has no “sources” list: give StartReadSetImportJob&apos;s sources array, or the whole request with roleArn and sources.</source>
        <translation>清单中没有“sources”列表：请提供 StartReadSetImportJob 的 sources 数组，或包含 roleArn 和 sources 的完整请求。</translation>
    </message>
    <message>
        <source>The manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>An import job takes 1 to 100 sources; the manifest has %1.</source>
        <translation>一个导入任务可包含 1 到 100 个来源；该清单有 %1 个。</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>来源 %1</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImportSourcesModel</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>URI 1</source>
        <translation>URI 1</translation>
    </message>
    <message>
        <source>URI 2</source>
        <translation>URI 2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考基因组</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>bge::ui::ImproveSampleDialog</name>
    <message>
        <source>Improve Sample %1</source>
        <translation>补充样品信息 %1</translation>
    </message>
    <message>
        <source>Sign in to improve samples.</source>
        <translation>请先登录再补充样品信息。</translation>
    </message>
    <message>
        <source>Loading the sample…</source>
        <translation>正在加载样品…</translation>
    </message>
    <message>
        <source>Already set: the platform does not allow changing it.</source>
        <translation>已有值：平台不允许修改。</translation>
    </message>
    <message>
        <source>Every field of this sample is already set: there is nothing left to fill in.</source>
        <translation>该样品的所有字段均已填写，没有可补充的内容。</translation>
    </message>
    <message>
        <source>Fill in the fields that are still empty. Once saved, a value cannot be changed.</source>
        <translation>请填写仍为空的字段。保存后将无法修改。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bge::ui::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n 个字段}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空值</translation>
    </message>
</context>
<context>
    <name>bge::ui::LibraryFields</name>
    <message>
        <source>Library id</source>
        <translation>文库编号</translation>
    </message>
    <message>
        <source>Library strategy</source>
        <translation>文库策略</translation>
    </message>
    <message>
        <source>Library source</source>
        <translation>文库来源</translation>
    </message>
    <message>
        <source>Library selection</source>
        <translation>文库筛选方法</translation>
    </message>
    <message>
        <source>Library layout</source>
        <translation>文库布局</translation>
    </message>
    <message>
        <source>(leave empty)</source>
        <translation>（留空）</translation>
    </message>
</context>
<context>
    <name>bge::ui::MainWindow</name>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the samples and the selected sample again</source>
        <translation>重新加载样本列表和所选样本</translation>
    </message>
    <message>
        <source>&amp;Upload Files…</source>
        <translation>上传文件(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Upload files to the platform&apos;s storage (or drop them on the window)</source>
        <translation>将文件上传到平台存储（也可以直接拖放到窗口中）</translation>
    </message>
    <message>
        <source>S&amp;witch Profile…</source>
        <translation>切换配置(&amp;W)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About BGE Desktop</source>
        <translation>关于 BGE Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>样本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Upload &amp;Read Set…</source>
        <translation>上传读段集(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Upload FASTQ, BAM, CRAM or uBAM files as read sets to the selected HealthOmics sequence store</source>
        <translation>将 FASTQ、BAM、CRAM 或 uBAM 文件作为读段集上传到所选的 HealthOmics 序列存储</translation>
    </message>
    <message>
        <source>&amp;BGE Platform</source>
        <translation>BGE 平台(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Your samples and their results on the BGE platform</source>
        <translation>您在 BGE 平台上的样品及其结果</translation>
    </message>
    <message>
        <source>&amp;HealthOmics</source>
        <translation>HealthOmics(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Sequence stores, read sets and import jobs of your AWS HealthOmics accounts</source>
        <translation>您的 AWS HealthOmics 账户中的序列存储、读段集和导入任务</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save the chart shown as a PNG image for print or as SVG (also on the chart&apos;s context menu)</source>
        <translation>将当前图表保存为用于印刷的 PNG 图片或 SVG（也可在图表的右键菜单中操作）</translation>
    </message>
    <message>
        <source>No chart is shown. Charts are on a sample&apos;s Abundance and Models tabs.</source>
        <translation>当前没有显示图表。图表位于样品的“丰度”和“模型”标签页中。</translation>
    </message>
</context>
<context>
    <name>bge::ui::ModelsView</name>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <source>e.g. zS68QlusdT2RWsZ</source>
        <translation>例如 zS68QlusdT2RWsZ</translation>
    </message>
    <message>
        <source>The platform does not list its models: enter the id from the model&apos;s documentation. Ids that ran before are offered here.</source>
        <translation>平台不提供模型列表：请输入模型文档中的 ID。此前运行过的 ID 会列在这里。</translation>
    </message>
    <message>
        <source>Model parameters</source>
        <translation>模型参数</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>参数(&amp;P)：</translation>
    </message>
    <message>
        <source>Result fields</source>
        <translation>结果字段</translation>
    </message>
    <message>
        <source>Sign in to run interpretation models.</source>
        <translation>登录后运行解读模型。</translation>
    </message>
    <message>
        <source>Enter the id of the model to run.</source>
        <translation>请输入要运行的模型 ID。</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Model message: %1</source>
        <translation>模型消息：%1</translation>
    </message>
    <message>
        <source>The model could not interpret this sample (model_code %1): %2</source>
        <translation>模型无法解读此样品（model_code %1）：%2</translation>
    </message>
    <message>
        <source>The parameters the model runs with, one per row; F2 edits the selected cell</source>
        <translation>运行模型所用的参数，每行一个；按 F2 编辑所选单元格</translation>
    </message>
    <message>
        <source>Add a parameter row</source>
        <translation>添加一行参数</translation>
    </message>
    <message>
        <source>Remove the selected parameter row</source>
        <translation>删除所选参数行</translation>
    </message>
    <message>
        <source>Run the model on the selected sample with these parameters</source>
        <translation>使用这些参数对所选样品运行模型</translation>
    </message>
    <message>
        <source>The fields of the model&apos;s result and their values</source>
        <translation>模型结果的各字段及其取值</translation>
    </message>
</context>
<context>
    <name>bge::ui::OmicsAccountDialog</name>
    <message>
        <source>An AWS &amp;profile of this computer</source>
        <translation>本机的 AWS 配置文件(&amp;P)</translation>
    </message>
    <message>
        <source>An access &amp;key</source>
        <translation>访问密钥(&amp;K)</translation>
    </message>
    <message>
        <source>The HealthOmics &amp;emulator the app started</source>
        <translation>本程序启动的 HealthOmics 模拟器(&amp;E)</translation>
    </message>
    <message>
        <source>Add HealthOmics Account</source>
        <translation>添加 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <source>For example: lab</source>
        <translation>例如：lab</translation>
    </message>
    <message>
        <source>Letters, digits, dots, underscores and hyphens</source>
        <translation>字母、数字、点、下划线和连字符</translation>
    </message>
    <message>
        <source>Checking the account with HealthOmics…</source>
        <translation>正在通过 HealthOmics 验证账户…</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>账户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Connect with:</source>
        <translation>连接方式：</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS 配置文件</translation>
    </message>
    <message>
        <source>%1 (cannot be used)</source>
        <translation>%1（无法使用）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — no region</source>
        <translation>%1 — 未设置区域</translation>
    </message>
    <message>
        <source>Pr&amp;ofile:</source>
        <translation>配置文件(&amp;O)：</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>私有访问密钥</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings</source>
        <translation>保存在系统钥匙串中，绝不写入设置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>For example: eu-west-2</source>
        <translation>例如：eu-west-2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>终端节点</translation>
    </message>
    <message>
        <source>Optional: the regional endpoint when empty</source>
        <translation>可选：留空时使用该区域的终端节点</translation>
    </message>
    <message>
        <source>Access key &amp;ID:</source>
        <translation>访问密钥 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>私有访问密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>E&amp;ndpoint:</source>
        <translation>终端节点(&amp;N)：</translation>
    </message>
    <message>
        <source>Connects to the HealthOmics emulator at %1 (region %2) with the keys it announced. Nothing to type.</source>
        <translation>使用模拟器提供的密钥连接到位于 %1（区域 %2）的 HealthOmics 模拟器，无需输入任何内容。</translation>
    </message>
    <message>
        <source>Edit HealthOmics Account</source>
        <translation>编辑 HealthOmics 账户</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>Unchanged (kept in the keychain)</source>
        <translation>未更改（保存在钥匙串中）</translation>
    </message>
    <message>
        <source>No AWS profile found in ~/.aws/config or ~/.aws/credentials.</source>
        <translation>在 ~/.aws/config 或 ~/.aws/credentials 中未找到 AWS 配置文件。</translation>
    </message>
    <message>
        <source>This profile names no region: add “region = …” to it in ~/.aws/config.</source>
        <translation>此配置文件未指定区域：请在 ~/.aws/config 中为其添加“region = …”。</translation>
    </message>
    <message>
        <source>Keys, region and endpoint come from the profile each time the account is used.</source>
        <translation>每次使用该账户时，密钥、区域和终端节点都从配置文件中读取。</translation>
    </message>
    <message>
        <source>Name the account with 1 to 64 letters, digits, dots, underscores or hyphens.</source>
        <translation>账户名称应由 1 到 64 个字母、数字、点、下划线或连字符组成。</translation>
    </message>
    <message>
        <source>There is already an account named “%1”: choose another name, or edit that account.</source>
        <translation>已存在名为“%1”的账户：请另选名称，或编辑该账户。</translation>
    </message>
    <message>
        <source>Access keys contain no spaces: check what was pasted.</source>
        <translation>访问密钥中不含空格：请检查粘贴的内容。</translation>
    </message>
    <message>
        <source>The account was not saved: %1</source>
        <translation>账户未保存：%1</translation>
    </message>
    <message>
        <source>The secret access key of profile “%1” does not match its access key ID. Correct the profile in ~/.aws/credentials and try again.</source>
        <translation>配置文件“%1”的私有访问密钥与其访问密钥 ID 不匹配。请在 ~/.aws/credentials 中更正该配置文件后重试。</translation>
    </message>
    <message>
        <source>The secret access key does not match the access key ID. Check both and enter them again.</source>
        <translation>私有访问密钥与访问密钥 ID 不匹配。请检查两者后重新输入。</translation>
    </message>
    <message>
        <source>AWS does not know the access key ID of profile “%1” (deleted or deactivated?). Correct the profile in ~/.aws/credentials and try again.</source>
        <translation>AWS 无法识别配置文件“%1”的访问密钥 ID（已删除或已停用？）。请在 ~/.aws/credentials 中更正该配置文件后重试。</translation>
    </message>
    <message>
        <source>AWS does not know this access key ID (deleted or deactivated?). Check it, or create a new access key in the IAM console, and enter it again.</source>
        <translation>AWS 无法识别此访问密钥 ID（已删除或已停用？）。请检查该 ID，或在 IAM 控制台中创建新的访问密钥，然后重新输入。</translation>
    </message>
    <message>
        <source>These credentials have expired. Get new ones (for example, sign in again with your identity provider) and try again.</source>
        <translation>这些凭证已过期。请获取新的凭证（例如通过身份提供商重新登录）后重试。</translation>
    </message>
</context>
<context>
    <name>bge::ui::OmicsAccountSwitcher</name>
    <message>
        <source>%1 (profile %2)</source>
        <translation>%1（配置文件 %2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>HealthOmics account</source>
        <translation>HealthOmics 账户</translation>
    </message>
    <message>
        <source>Add HealthOmics account</source>
        <translation>添加 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Edit HealthOmics account</source>
        <translation>编辑 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Remove HealthOmics account</source>
        <translation>移除 HealthOmics 账户</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账户(&amp;C)：</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <source>Remove HealthOmics Account</source>
        <translation>移除 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Remove the account “%1” from this computer?</source>
        <translation>要从这台电脑上移除账户“%1”吗？</translation>
    </message>
    <message>
        <source>Its secret access key is deleted from the keychain. Nothing changes in AWS, and uploads of this account waiting in Transfers cannot continue.</source>
        <translation>其私有访问密钥将从钥匙串中删除。AWS 中的任何内容都不会改变，但此账户在“传输”中等待的上传将无法继续。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>The AWS account and region whose sequence stores are shown</source>
        <translation>显示其序列存储的 AWS 账户和区域</translation>
    </message>
    <message>
        <source>Add an AWS account to reach its HealthOmics sequence stores</source>
        <translation>添加 AWS 账户以访问其 HealthOmics 序列存储</translation>
    </message>
    <message>
        <source>Change the chosen account&apos;s name, region or credentials</source>
        <translation>修改所选账户的名称、区域或凭证</translation>
    </message>
    <message>
        <source>Forget the chosen account and its credentials on this computer</source>
        <translation>在本机上删除所选账户及其凭证</translation>
    </message>
</context>
<context>
    <name>bge::ui::OmicsArea</name>
    <message>
        <source>HealthOmics</source>
        <translation>HealthOmics</translation>
    </message>
    <message>
        <source>Uploads in progress</source>
        <translation>正在进行的上传</translation>
    </message>
    <message>
        <source>Import jobs</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Choose a sequence store first: read sets are uploaded to the selected store.</source>
        <translation>请先选择一个序列存储：读段集会上传到所选的序列存储。</translation>
    </message>
    <message>
        <source>Upload Read Set</source>
        <translation>上传读段集</translation>
    </message>
    <message>
        <source>Sequencing reads (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)</source>
        <translation>测序读段 (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing to propose: drop FASTQ, BAM, CRAM or uBAM files of this computer, or folders that hold them.</source>
        <translation>没有可上传的内容：请拖入本机的 FASTQ、BAM、CRAM 或 uBAM 文件，或包含这些文件的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>A dropped folder holds more than %n sequencing files: the first %n are proposed.</source>
        <translation>
            <numerusform>拖入的文件夹中有超过 %n 个测序文件：只建议上传前 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-set uploads begun but not completed, from here or elsewhere</source>
        <translation>已开始但尚未完成的读段集上传（无论从本机还是其他位置发起）</translation>
    </message>
    <message>
        <source>Jobs that import read sets from S3 into the store</source>
        <translation>将读段集从 S3 导入该序列存储的任务</translation>
    </message>
</context>
<context>
    <name>bge::ui::OmicsFormat</name>
    <message>
        <source>Creating</source>
        <translation>正在创建</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>正在更新</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Activating</source>
        <translation>正在激活</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <source>uBAM</source>
        <translation>uBAM</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
</context>
<context>
    <name>bge::ui::OmicsWorkspace</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the sequence stores and read sets again (F5)</source>
        <translation>重新加载序列存储和读段集（F5）</translation>
    </message>
    <message>
        <source>Connect BGE Desktop to AWS HealthOmics</source>
        <translation>将 BGE Desktop 连接到 AWS HealthOmics</translation>
    </message>
    <message>
        <source>Add an account to see your sequence stores and read sets: an AWS profile of this computer, an access key, or the emulator of the sandbox.</source>
        <translation>添加账户即可查看您的序列存储和读段集：可使用本机的 AWS 配置文件、访问密钥或沙盒的模拟器。</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Add HealthOmics account</source>
        <translation>添加 HealthOmics 账户</translation>
    </message>
    <message>
        <source>Sequence stores</source>
        <translation>序列存储</translation>
    </message>
    <message>
        <source>&amp;Sequence stores</source>
        <translation>序列存储(&amp;S)</translation>
    </message>
    <message>
        <source>Read sets</source>
        <translation>读段集</translation>
    </message>
    <message>
        <source>Loading sequence stores…</source>
        <translation>正在加载序列存储…</translation>
    </message>
    <message numerus="yes">
        <source>%n sequence store(s)</source>
        <translation>
            <numerusform>%n 个序列存储</numerusform>
        </translation>
    </message>
    <message>
        <source>The account&apos;s sequence stores; choose one to see its read sets</source>
        <translation>该账户的序列存储；选择一个以查看其读段集</translation>
    </message>
    <message>
        <source>The store&apos;s read sets: find, open, download and upload them</source>
        <translation>该序列存储的读段集：查找、打开、下载和上传</translation>
    </message>
</context>
<context>
    <name>bge::ui::PagedTableSection</name>
    <message>
        <source>Load &amp;More</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>Filter the loaded rows</source>
        <translation>筛选已加载的行</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Fetch the next page from the platform</source>
        <translation>从平台获取下一页</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) loaded of %1</source>
        <translation>
            <numerusform>已加载 %n 行，共 %1 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) loaded</source>
        <translation>
            <numerusform>已加载 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>; all loaded</source>
        <translation>；已全部加载</translation>
    </message>
    <message>
        <source>; more on the platform</source>
        <translation>；平台上还有更多</translation>
    </message>
    <message>
        <source>; more may be on the platform</source>
        <translation>；平台上可能还有更多</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>bge::ui::ParameterTableModel</name>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>bge::ui::Preferences</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>bge::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies the next time BGE Desktop starts.</source>
        <translation>新的语言设置将在下次启动 BGE Desktop 时生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>bge::ui::ProblemPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Choose &amp;Another Profile…</source>
        <translation>选择其他配置(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>bge::ui::ProfileChooserPage</name>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Choose where to connect</source>
        <translation>选择连接位置</translation>
    </message>
    <message>
        <source>Where do you want to connect?</source>
        <translation>要连接到哪里？</translation>
    </message>
    <message>
        <source>BGE &amp;Open Platform</source>
        <translation>BGE 开放平台(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Backup endpoint</source>
        <translation>备用地址(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;ustom address</source>
        <translation>自定义地址(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Sandbox (offline demo)</source>
        <translation>沙盒（离线演示）(&amp;S)</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>The client ID the platform gave your application</source>
        <translation>平台为您的应用分配的 Client ID</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Sign in with my account (authorization code)</source>
        <translation>使用我的账户登录（授权码模式）</translation>
    </message>
    <message>
        <source>The application&apos;s own data (client credentials)</source>
        <translation>应用自身的数据（客户端凭证模式）</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client &amp;ID：</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>登录方式(&amp;M)：</translation>
    </message>
    <message>
        <source>%1, when the main address cannot be reached.</source>
        <translation>%1，在主地址无法访问时使用。</translation>
    </message>
    <message>
        <source>A copy of the platform with demo data, run by the app on this computer; nothing leaves it. Sign in as %1 with the password %2.</source>
        <translation>由本程序在这台电脑上运行的平台副本，附带演示数据，所有数据都不会离开本机。请以 %1 登录，密码为 %2。</translation>
    </message>
    <message>
        <source>Enter the address of the platform.</source>
        <translation>请输入平台地址。</translation>
    </message>
    <message>
        <source>Enter the client ID of your application, as registered on the platform.</source>
        <translation>请输入您的应用在平台上注册的 Client ID。</translation>
    </message>
    <message>
        <source>A client ID has no spaces.</source>
        <translation>Client ID 中不能包含空格。</translation>
    </message>
    <message>
        <source>Extra certificate authorities</source>
        <translation>额外的证书颁发机构</translation>
    </message>
    <message>
        <source>Optional: a PEM file of your organisation&apos;s certificate authorities</source>
        <translation>可选：您所在机构的证书颁发机构 PEM 文件</translation>
    </message>
    <message>
        <source>Certificate &amp;authorities:</source>
        <translation>证书颁发机构(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>bge::ui::ProfileDisplay</name>
    <message>
        <source>BGE Open Platform</source>
        <translation>BGE 开放平台</translation>
    </message>
    <message>
        <source>Backup endpoint</source>
        <translation>备用地址</translation>
    </message>
    <message>
        <source>Sandbox (offline demo)</source>
        <translation>沙盒（离线演示）</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>自定义地址</translation>
    </message>
</context>
<context>
    <name>bge::ui::Rank</name>
    <message>
        <source>kingdom</source>
        <translation>界</translation>
    </message>
    <message>
        <source>phylum</source>
        <translation>门</translation>
    </message>
    <message>
        <source>class</source>
        <translation>纲</translation>
    </message>
    <message>
        <source>order</source>
        <translation>目</translation>
    </message>
    <message>
        <source>family</source>
        <translation>科</translation>
    </message>
    <message>
        <source>genus</source>
        <translation>属</translation>
    </message>
    <message>
        <source>species</source>
        <translation>种</translation>
    </message>
    <message>
        <source>strain</source>
        <translation>株</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetDetailView</name>
    <message>
        <source>&amp;Copy ARN</source>
        <translation>复制 ARN(&amp;C)</translation>
    </message>
    <message>
        <source>Select a read set to see its details.</source>
        <translation>选择一个读段集以查看详情。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>受试者：</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>样品：</translation>
    </message>
    <message>
        <source>File type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Status message:</source>
        <translation>状态消息：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Source 1:</source>
        <translation>来源文件 1：</translation>
    </message>
    <message>
        <source>Source 2:</source>
        <translation>来源文件 2：</translation>
    </message>
    <message>
        <source>Index:</source>
        <translation>索引：</translation>
    </message>
    <message>
        <source>Sequence information</source>
        <translation>序列信息</translation>
    </message>
    <message>
        <source>Reads:</source>
        <translation>读段数：</translation>
    </message>
    <message>
        <source>Bases:</source>
        <translation>碱基数：</translation>
    </message>
    <message>
        <source>Alignment:</source>
        <translation>比对：</translation>
    </message>
    <message>
        <source>Generated from:</source>
        <translation>生成来源：</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考基因组：</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>创建方式：</translation>
    </message>
    <message>
        <source>Job or upload:</source>
        <translation>任务或上传：</translation>
    </message>
    <message>
        <source>Copy ARN</source>
        <translation>复制 ARN</translation>
    </message>
    <message>
        <source>Copy the read set&apos;s ARN to the clipboard</source>
        <translation>将读段集的 ARN 复制到剪贴板</translation>
    </message>
    <message>
        <source>ARN:</source>
        <translation>ARN：</translation>
    </message>
    <message>
        <source>Raw JSON of the read set</source>
        <translation>读段集的原始 JSON</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>下载 %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n part(s) of %2</source>
        <translation>
            <numerusform>%1，分为 %n 个分片，每片 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Read set details</source>
        <translation>读段集详情</translation>
    </message>
    <message>
        <source>The read set&apos;s identity, files and origin</source>
        <translation>读段集的标识、文件和来源</translation>
    </message>
    <message>
        <source>The read set&apos;s metadata as the service sent it</source>
        <translation>服务返回的读段集元数据</translation>
    </message>
    <message>
        <source>Save this file of the read set on your computer, through the Transfers panel</source>
        <translation>通过传输面板将读段集的此文件保存到本机</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetFilterBar</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Exact name</source>
        <translation>精确名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>File t&amp;ype:</source>
        <translation>文件类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建方式</translation>
    </message>
    <message>
        <source>Created &amp;by:</source>
        <translation>创建方式(&amp;B)：</translation>
    </message>
    <message>
        <source>Subject ID</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>受试者(&amp;U)：</translation>
    </message>
    <message>
        <source>Sample ID</source>
        <translation>样品 ID</translation>
    </message>
    <message>
        <source>Sa&amp;mple:</source>
        <translation>样品(&amp;M)：</translation>
    </message>
    <message>
        <source>Created after</source>
        <translation>创建时间晚于</translation>
    </message>
    <message>
        <source>Created &amp;after:</source>
        <translation>创建时间晚于(&amp;A)：</translation>
    </message>
    <message>
        <source>Created before</source>
        <translation>创建时间早于</translation>
    </message>
    <message>
        <source>Created b&amp;efore:</source>
        <translation>创建时间早于(&amp;E)：</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Only the read sets with exactly this name</source>
        <translation>仅显示名称完全一致的读段集</translation>
    </message>
    <message>
        <source>Only the read sets in this state</source>
        <translation>仅显示处于此状态的读段集</translation>
    </message>
    <message>
        <source>Only the read sets of this file type</source>
        <translation>仅显示此文件类型的读段集</translation>
    </message>
    <message>
        <source>Only the read sets uploaded, or only those imported from S3</source>
        <translation>仅显示上传的读段集，或仅显示从 S3 导入的读段集</translation>
    </message>
    <message>
        <source>Only the read sets of this subject</source>
        <translation>仅显示该受试者的读段集</translation>
    </message>
    <message>
        <source>Only the read sets of this sample</source>
        <translation>仅显示该样品的读段集</translation>
    </message>
    <message>
        <source>Only the read sets created on or after this day</source>
        <translation>仅显示在该日期当天或之后创建的读段集</translation>
    </message>
    <message>
        <source>Only the read sets created on or before this day</source>
        <translation>仅显示在该日期当天或之前创建的读段集</translation>
    </message>
    <message>
        <source>Show every read set of the store again</source>
        <translation>重新显示该序列存储的全部读段集</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建方式</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读段数</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>碱基数</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考基因组</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetUploadDialog</name>
    <message>
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Read set</source>
        <translation>读段集</translation>
    </message>
    <message>
        <source>Read set name</source>
        <translation>读段集名称</translation>
    </message>
    <message>
        <source>Subject id</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>Sample id</source>
        <translation>样品 ID</translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation>参考基因组(&amp;F)：</translation>
    </message>
    <message>
        <source>Generated from</source>
        <translation>生成来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Upload Read Sets</source>
        <translation>上传读段集</translation>
    </message>
    <message>
        <source>To the sequence store &lt;b&gt;%1&lt;/b&gt; (%2). Check what each read set will be; drop more files here or add them.</source>
        <translation>上传到序列存储 &lt;b&gt;%1&lt;/b&gt;（%2）。请检查每个读段集的内容；可将更多文件拖放到此处，或添加文件。</translation>
    </message>
    <message>
        <source>Proposed read sets</source>
        <translation>拟上传的读段集</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Remove the selected read set</source>
        <translation>移除所选读段集</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Reference ARN</source>
        <translation>参考 ARN</translation>
    </message>
    <message>
        <source>arn:aws:omics:…:referenceStore/…/reference/…</source>
        <translation>arn:aws:omics:…:referenceStore/…/reference/…</translation>
    </message>
    <message>
        <source>The references the store&apos;s read sets already use are offered; any other reference ARN can be typed.</source>
        <translation>列出的是该序列存储中读段集已使用的参考基因组；也可以输入任何其他参考 ARN。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional, e.g. the sequencing run</source>
        <translation>可选，例如测序运行</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Su&amp;bject id:</source>
        <translation>受试者 ID(&amp;B)：</translation>
    </message>
    <message>
        <source>Sa&amp;mple id:</source>
        <translation>样品 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Generated from:</source>
        <translation>生成来源(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>上传(&amp;U)</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Add the files to upload.</source>
        <translation>请添加要上传的文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n read set(s) need attention. %1: %2</source>
        <translation>
            <numerusform>%n 个读段集需要处理。%1：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Sequence files (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)</source>
        <translation>测序文件 (*.fastq *.fq *.fastq.gz *.fq.gz *.bam *.ubam *.cram)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The store&apos;s read sets could not be listed, so no reference is offered; type the reference ARN.</source>
        <translation>无法列出该序列存储的读段集，因此无法提供参考基因组选项；请输入参考 ARN。</translation>
    </message>
    <message numerus="yes">
        <source>%n read set(s) ready to upload.</source>
        <translation>
            <numerusform>%n 个读段集可以上传。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetUploadModel</name>
    <message>
        <source>No reference: %1 read sets are not aligned.</source>
        <translation>无参考基因组：%1 读段集未经比对。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考基因组</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetUploadProposal</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 contains characters that are not allowed.</source>
        <translation>%1 包含不允许的字符。</translation>
    </message>
    <message>
        <source>%1 starts or ends with a space.</source>
        <translation>%1 以空格开头或结尾。</translation>
    </message>
    <message>
        <source>Choose the file type.</source>
        <translation>请选择文件类型。</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The subject id</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>The sample id</source>
        <translation>样品 ID</translation>
    </message>
    <message>
        <source>“Generated from”</source>
        <translation>“生成来源”</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>bge::ui::ReadSetsPanel</name>
    <message>
        <source>Quick search</source>
        <translation>快速搜索</translation>
    </message>
    <message>
        <source>Quick search in the loaded read sets… (Ctrl+F)</source>
        <translation>在已加载的读段集中快速搜索…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Looks only through the read sets already loaded in the table. The filters above ask HealthOmics about the whole store.</source>
        <translation>只在表格中已加载的读段集里查找。上方的筛选会向 HealthOmics 查询整个序列存储。</translation>
    </message>
    <message>
        <source>Read sets</source>
        <translation>读段集</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>No sequence store selected.</source>
        <translation>未选择序列存储。</translation>
    </message>
    <message>
        <source>Loading read sets…</source>
        <translation>正在加载读段集…</translation>
    </message>
    <message numerus="yes">
        <source>%n read set(s)</source>
        <translation>
            <numerusform>%n 个读段集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read set(s) loaded; scroll down for more</source>
        <translation>
            <numerusform>已加载 %n 个读段集；向下滚动可加载更多</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 shown by the quick search)</source>
        <translation>%1（快速搜索显示 %2 个）</translation>
    </message>
    <message>
        <source>The store&apos;s read sets that match the filters; the chosen one is detailed beside the list</source>
        <translation>该序列存储中符合筛选条件的读段集；所选读段集的详情显示在列表旁</translation>
    </message>
    <message>
        <source>Choose the columns the read-set table shows</source>
        <translation>选择读段集表格显示的列</translation>
    </message>
</context>
<context>
    <name>bge::ui::RegisterSampleDialog</name>
    <message>
        <source>Register even if this external id is already registered</source>
        <translation>即使该外部编号已登记，仍然登记</translation>
    </message>
    <message>
        <source>Register a Sample</source>
        <translation>登记样品</translation>
    </message>
    <message>
        <source>The id on the sample&apos;s tube or kit</source>
        <translation>样品管或采样盒上的编号</translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation>选择采样部位…</translation>
    </message>
    <message>
        <source>P-W…</source>
        <translation>P-W…</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>采样部位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Library (optional; can also be filled in later)</source>
        <translation>文库信息（可选，也可以稍后补充）</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in to register samples.</source>
        <translation>请先登录再登记样品。</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
</context>
<context>
    <name>bge::ui::ResultFieldsModel</name>
    <message numerus="yes">
        <source>%n number(s) from %1 to %2</source>
        <translation>
            <numerusform>%n 个数值，范围 %1 至 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>bge::ui::RsidInput</name>
    <message>
        <source>Rsids</source>
        <translation>rsid 列表</translation>
    </message>
    <message>
        <source>rs762551, rs671 rs4988235 … (any separator; Ctrl+Return to look up)</source>
        <translation>rs762551, rs671 rs4988235 …（任意分隔符；按 Ctrl+Return 查询）</translation>
    </message>
    <message>
        <source>“%1” (line %2, column %3)</source>
        <translation>“%1”（第 %2 行，第 %3 列）</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) are not rsids (rs followed by digits): %1</source>
        <translation>
            <numerusform>%n 项不是 rsid（应为 rs 加数字）：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rsid(s)</source>
        <translation>
            <numerusform>%n 个 rsid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n repeated, looked up once)</source>
        <translation>
            <numerusform>（%n 个重复，只查询一次）</numerusform>
        </translation>
    </message>
    <message>
        <source>The rsids to look up, separated by anything; Ctrl+Return looks them up</source>
        <translation>要查询的 rsid，可用任意分隔符分隔；按 Ctrl+Return 查询</translation>
    </message>
</context>
<context>
    <name>bge::ui::RsidPanelBar</name>
    <message numerus="yes">
        <source>%n rsid(s): %1</source>
        <translation>
            <numerusform>%n 个 rsid：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Look Up Panel</source>
        <translation>查询位点组</translation>
    </message>
    <message>
        <source>Delete Panel</source>
        <translation>删除位点组</translation>
    </message>
    <message>
        <source>Rsid panel</source>
        <translation>rsid 位点组</translation>
    </message>
    <message>
        <source>Look up panel</source>
        <translation>查询位点组</translation>
    </message>
    <message>
        <source>Put the panel&apos;s rsids in the box and look them up</source>
        <translation>将位点组的 rsid 填入输入框并查询</translation>
    </message>
    <message>
        <source>Save as panel</source>
        <translation>另存为位点组</translation>
    </message>
    <message>
        <source>Keep the rsids in the box as a named panel</source>
        <translation>将输入框中的 rsid 保存为命名的位点组</translation>
    </message>
    <message>
        <source>Delete panel</source>
        <translation>删除位点组</translation>
    </message>
    <message>
        <source>Delete the chosen panel</source>
        <translation>删除所选位点组</translation>
    </message>
    <message>
        <source>Save as Panel</source>
        <translation>另存为位点组</translation>
    </message>
    <message>
        <source>Panel name</source>
        <translation>位点组名称</translation>
    </message>
    <message numerus="yes">
        <source>Name of the panel of %n rsid(s) (a panel of the same name is replaced):</source>
        <translation>
            <numerusform>包含 %n 个 rsid 的位点组名称（同名位点组将被替换）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the panel “%1”?</source>
        <translation>删除位点组“%1”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Pa&amp;nel:</source>
        <translation>位点组(&amp;N)：</translation>
    </message>
    <message>
        <source>A named list of rsids to look up with one click</source>
        <translation>一键查询的命名 rsid 列表</translation>
    </message>
</context>
<context>
    <name>bge::ui::RsidPanels</name>
    <message>
        <source>Pharmacogenomics</source>
        <translation>药物基因组学</translation>
    </message>
    <message>
        <source>Nutrigenomics</source>
        <translation>营养基因组学</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleDetailView</name>
    <message>
        <source>Loading the full record…</source>
        <translation>正在加载完整记录…</translation>
    </message>
    <message>
        <source>Select a sample to see its details.</source>
        <translation>选择一个样品以查看详情。</translation>
    </message>
    <message>
        <source>Raw JSON of the sample</source>
        <translation>样品的原始 JSON</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <source>Loading the list of files…</source>
        <translation>正在加载文件列表…</translation>
    </message>
    <message>
        <source>The list of files could not be loaded.</source>
        <translation>无法加载文件列表。</translation>
    </message>
    <message>
        <source>Sign in to see the files.</source>
        <translation>登录后即可查看文件。</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>文件（%1）</translation>
    </message>
    <message>
        <source>Fields of the sample</source>
        <translation>样品的字段</translation>
    </message>
    <message>
        <source>Sample details</source>
        <translation>样品详情</translation>
    </message>
    <message>
        <source>What the platform keeps about the sample, field by field</source>
        <translation>平台保存的样品信息，逐字段列出</translation>
    </message>
    <message>
        <source>The sample&apos;s record as the platform sent it, as a tree</source>
        <translation>以树形显示平台返回的样品记录</translation>
    </message>
    <message>
        <source>What the platform keeps about the sample</source>
        <translation>平台保存的样品信息</translation>
    </message>
    <message>
        <source>The sample&apos;s sequencing files</source>
        <translation>样品的测序文件</translation>
    </message>
    <message>
        <source>The sample&apos;s record as the platform sent it</source>
        <translation>平台返回的样品记录</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleFieldsView</name>
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
        <source>Sequenced on</source>
        <translation>测序日期</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
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
        <translation>变异</translation>
    </message>
    <message>
        <source>Human contamination</source>
        <translation>人源污染</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Biosample id</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <source>Primary sample</source>
        <translation>主样品</translation>
    </message>
    <message>
        <source>Data available</source>
        <translation>数据可用</translation>
    </message>
    <message>
        <source>Organism, site and omics</source>
        <translation>物种、采样部位与组学</translation>
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
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Sequencing</source>
        <translation>测序</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>采样时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleFilesModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Object name</source>
        <translation>对象名</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载文件</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleFilesPane</name>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Copy object name</source>
        <translation>复制对象名</translation>
    </message>
    <message>
        <source>Files of the sample</source>
        <translation>样品的文件</translation>
    </message>
    <message>
        <source>No files are attached to this sample.</source>
        <translation>该样品没有附带文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleFilterBar</name>
    <message>
        <source>Site</source>
        <translation>采样部位</translation>
    </message>
    <message>
        <source>Omics</source>
        <translation>组学</translation>
    </message>
    <message>
        <source>Organism</source>
        <translation>物种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Project ids, e.g. P-W20123456789</source>
        <translation>项目编号，例如 P-W20123456789</translation>
    </message>
    <message>
        <source>Project ids</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Biosample or external sample ids</source>
        <translation>样品编号或外部样品编号</translation>
    </message>
    <message>
        <source>Sample ids</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Data availability</source>
        <translation>数据可用性</translation>
    </message>
    <message>
        <source>Data: any</source>
        <translation>数据：不限</translation>
    </message>
    <message>
        <source>Data available</source>
        <translation>数据可用</translation>
    </message>
    <message>
        <source>Data not available</source>
        <translation>数据不可用</translation>
    </message>
    <message>
        <source>Separate ids with commas or spaces. Ids like E-B12345678901 are biosample ids; anything else is looked up as your own external sample id.</source>
        <translation>多个编号用逗号或空格分隔。形如 E-B12345678901 的是样品编号，其余的将作为您自己的外部样品编号查找。</translation>
    </message>
    <message>
        <source>Separate project ids with commas or spaces.</source>
        <translation>多个项目编号用逗号或空格分隔。</translation>
    </message>
    <message>
        <source>Server filters</source>
        <translation>服务器筛选</translation>
    </message>
    <message>
        <source>These filters search all your samples on the platform; the quick search below looks only through the samples loaded.</source>
        <translation>这些筛选条件在平台上搜索您的全部样品；下方的快速搜索仅在已加载的样品中查找。</translation>
    </message>
    <message>
        <source>Only samples whose result data is available, or only those without</source>
        <translation>仅显示已有结果数据的样品，或仅显示尚无结果数据的样品</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleFormat</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleQueryResolver</name>
    <message>
        <source>No sample has the external id(s) %1.</source>
        <translation>没有样品的外部编号为 %1。</translation>
    </message>
    <message>
        <source>%1: external sample ids are looked up within a project. Enter the project id in the Project ids filter, or search by biosample id.</source>
        <translation>%1：外部样品编号需在项目内查找。请在“项目编号”筛选框中填写项目编号，或按样品编号搜索。</translation>
    </message>
</context>
<context>
    <name>bge::ui::SampleTableModel</name>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1（代码 %2）</translation>
    </message>
    <message>
        <source>Biosample id</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <source>Omics</source>
        <translation>组学</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>采样部位</translation>
    </message>
    <message>
        <source>Organism</source>
        <translation>物种</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source>Collected</source>
        <translation>采样时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>bge::ui::SamplesPanel</name>
    <message>
        <source>Quick search</source>
        <translation>快速搜索</translation>
    </message>
    <message>
        <source>Quick search in the loaded samples…</source>
        <translation>在已加载的样品中快速搜索…</translation>
    </message>
    <message>
        <source>Looks only through the samples already loaded in the table. The server filters above search all your samples.</source>
        <translation>只在表格中已加载的样品里查找。上方的服务器筛选会在您的全部样品中查找。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>&amp;Refresh Samples</source>
        <translation>刷新样品(&amp;R)</translation>
    </message>
    <message>
        <source>Load the samples again from the platform</source>
        <translation>从平台重新加载样品</translation>
    </message>
    <message>
        <source>Re&amp;gister Sample…</source>
        <translation>登记样品(&amp;G)…</translation>
    </message>
    <message>
        <source>Register a new sample on the platform</source>
        <translation>在平台上登记新样品</translation>
    </message>
    <message>
        <source>&amp;Improve Sample…</source>
        <translation>补充样品信息(&amp;I)…</translation>
    </message>
    <message>
        <source>Fill in library fields of the selected sample that are still empty</source>
        <translation>补充所选样品中仍为空的文库字段</translation>
    </message>
    <message>
        <source>Sign in to see your samples.</source>
        <translation>登录后即可查看您的样品。</translation>
    </message>
    <message>
        <source>Looking up the external ids…</source>
        <translation>正在查找外部编号…</translation>
    </message>
    <message>
        <source>Loading samples…</source>
        <translation>正在加载样品…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s) loaded</source>
        <translation>
            <numerusform>已加载 %1 / %n 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) loaded</source>
        <translation>
            <numerusform>已加载 %n 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The quick search shows %n of them.</source>
        <translation>
            <numerusform>快速搜索显示其中 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>You have no samples yet. Register one with Samples → Register Sample…; its results appear here once the platform has analysed it.</source>
        <translation>您还没有样品。请通过“样品 → 登记样品…”登记一个；平台分析完成后，其结果会显示在这里。</translation>
    </message>
    <message>
        <source>No sample matches the filters. Clear filters to see all your samples.</source>
        <translation>没有样品符合筛选条件。清除筛选即可查看您的全部样品。</translation>
    </message>
    <message>
        <source>Your samples. Select one to see its results; Ctrl or Shift selects several to compare them.</source>
        <translation>您的样品。选择一个查看其结果；按住 Ctrl 或 Shift 可选择多个进行比较。</translation>
    </message>
    <message>
        <source>Choose the columns the sample table shows</source>
        <translation>选择样品表格显示的列</translation>
    </message>
    <message>
        <source>Sample &amp;Filters</source>
        <translation>样品筛选(&amp;F)</translation>
    </message>
    <message>
        <source>Show or fold away the server filters; folded, the list can narrow to its id column</source>
        <translation>显示或收起服务器筛选；收起后，列表可缩窄到只显示编号列</translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>筛选（%1）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>bge::ui::SandboxInfo</name>
    <message>
        <source>The sandbox did not describe itself (its first line is not the expected JSON).</source>
        <translation>沙盒没有给出自身的描述信息（其输出的第一行不是预期的 JSON）。</translation>
    </message>
    <message>
        <source>The sandbox announced an API address that is not on this computer.</source>
        <translation>沙盒报告的 API 地址不在本机上。</translation>
    </message>
    <message>
        <source>The sandbox does not offer the desktop demo client %1.</source>
        <translation>沙盒未提供桌面演示应用 %1。</translation>
    </message>
    <message>
        <source>The sandbox announced a HealthOmics address that is not on this computer.</source>
        <translation>沙盒报告的 HealthOmics 地址不在本机上。</translation>
    </message>
</context>
<context>
    <name>bge::ui::SandboxLauncher</name>
    <message>
        <source>The offline sandbox (%1) is not installed next to the app.</source>
        <translation>离线沙盒（%1）未与本程序安装在同一目录。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s data folder %1 cannot be created.</source>
        <translation>无法创建沙盒数据文件夹 %1。</translation>
    </message>
    <message>
        <source>The sandbox did not describe itself (its first line is not the expected JSON).</source>
        <translation>沙盒没有给出自身的描述信息（其输出的第一行不是预期的 JSON）。</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>程序崩溃</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>The sandbox stopped before it was ready (%1).</source>
        <translation>沙盒在就绪前就停止了（%1）。</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>它的输出：%1</translation>
    </message>
    <message>
        <source>The sandbox stopped unexpectedly (%1).</source>
        <translation>沙盒意外停止（%1）。</translation>
    </message>
    <message>
        <source>The sandbox could not be started: %1</source>
        <translation>无法启动沙盒：%1</translation>
    </message>
    <message numerus="yes">
        <source>The sandbox did not get ready within %n second(s).</source>
        <translation>
            <numerusform>沙盒未能在 %n 秒内就绪。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::ui::SequenceStoreModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>bge::ui::SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to the BGE Open Platform</source>
        <translation>登录 BGE 开放平台</translation>
    </message>
    <message>
        <source>Server: %1 (profile &quot;%2&quot;)</source>
        <translation>服务器：%1（配置“%2”）</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>登录进度</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Open in System &amp;Browser Instead</source>
        <translation>改用系统浏览器打开(&amp;B)</translation>
    </message>
    <message>
        <source>Sign in with your usual web browser; the answer comes back to this program on this computer.</source>
        <translation>使用您常用的网页浏览器登录；结果会返回到本机上的本程序。</translation>
    </message>
    <message>
        <source>%1
Details: %2</source>
        <translation>%1
详细信息：%2</translation>
    </message>
</context>
<context>
    <name>bge::ui::StartImportDialog</name>
    <message>
        <source>Service role ARN</source>
        <translation>服务角色 ARN</translation>
    </message>
    <message>
        <source>&amp;Add Source</source>
        <translation>添加来源(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Source</source>
        <translation>移除来源(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Load Manifest…</source>
        <translation>加载清单(&amp;L)…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>URI 1</source>
        <translation>URI 1</translation>
    </message>
    <message>
        <source>URI 2</source>
        <translation>URI 2</translation>
    </message>
    <message>
        <source>Subject id</source>
        <translation>受试者 ID</translation>
    </message>
    <message>
        <source>Sample id</source>
        <translation>样品 ID</translation>
    </message>
    <message>
        <source>Read set name</source>
        <translation>读段集名称</translation>
    </message>
    <message>
        <source>Generated from</source>
        <translation>生成来源</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Start Import Job</source>
        <translation>启动导入任务</translation>
    </message>
    <message>
        <source>arn:aws:iam::…:role/… (a role HealthOmics can assume to read the files)</source>
        <translation>arn:aws:iam::…:role/…（HealthOmics 可代入以读取这些文件的角色）</translation>
    </message>
    <message>
        <source>Sources to import</source>
        <translation>要导入的来源</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>添加来源</translation>
    </message>
    <message>
        <source>Remove the selected source</source>
        <translation>移除所选来源</translation>
    </message>
    <message>
        <source>Load a manifest file</source>
        <translation>加载清单文件</translation>
    </message>
    <message>
        <source>Remove Source</source>
        <translation>移除来源</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Reference ARN</source>
        <translation>参考 ARN</translation>
    </message>
    <message>
        <source>Required for BAM and CRAM: arn:aws:omics:…/reference/…</source>
        <translation>BAM 和 CRAM 必填：arn:aws:omics:…/reference/…</translation>
    </message>
    <message>
        <source>s3://bucket/key (read 1 for paired FASTQ)</source>
        <translation>s3://bucket/key（双端 FASTQ 的读段 1）</translation>
    </message>
    <message>
        <source>Read 2 of paired FASTQ only</source>
        <translation>仅用于双端 FASTQ 的读段 2</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>URI &amp;1:</source>
        <translation>URI 1(&amp;1)：</translation>
    </message>
    <message>
        <source>URI &amp;2:</source>
        <translation>URI 2(&amp;2)：</translation>
    </message>
    <message>
        <source>Su&amp;bject id:</source>
        <translation>受试者 ID(&amp;B)：</translation>
    </message>
    <message>
        <source>Sa&amp;mple id:</source>
        <translation>样品 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;ference:</source>
        <translation>参考基因组(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Generated from:</source>
        <translation>生成来源(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Start Import</source>
        <translation>启动导入(&amp;S)</translation>
    </message>
    <message>
        <source>Service r&amp;ole:</source>
        <translation>服务角色(&amp;O)：</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is too large for a manifest.</source>
        <translation>“%1”太大，不能作为清单。</translation>
    </message>
    <message>
        <source>“%1” cannot be used: %2</source>
        <translation>无法使用“%1”：%2</translation>
    </message>
    <message>
        <source>Load Manifest</source>
        <translation>加载清单</translation>
    </message>
    <message>
        <source>JSON manifests (*.json)</source>
        <translation>JSON 清单 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a source to import.</source>
        <translation>请添加要导入的来源。</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) need attention. Source %1: %2</source>
        <translation>
            <numerusform>%n 个来源需要处理。来源 %1：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) ready to import.</source>
        <translation>
            <numerusform>%n 个来源可以导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>bge::ui::StartupController</name>
    <message>
        <source>There is no profile named “%1”. Choose where to connect.</source>
        <translation>不存在名为“%1”的配置。请选择连接位置。</translation>
    </message>
    <message>
        <source>Starting the offline sandbox…</source>
        <translation>正在启动离线沙盒…</translation>
    </message>
    <message>
        <source>The offline sandbox could not start</source>
        <translation>离线沙盒无法启动</translation>
    </message>
    <message>
        <source>The offline sandbox stopped</source>
        <translation>离线沙盒已停止</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Could not sign in to %1</source>
        <translation>无法登录 %1</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>已退出 %1 的登录。</translation>
    </message>
    <message>
        <source>Could not use the certificate authorities of %1</source>
        <translation>无法使用 %1 中的证书颁发机构</translation>
    </message>
</context>
<context>
    <name>bge::ui::StoreUploadModel</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Subject %1, sample %2</source>
        <translation>受试者 %1，样品 %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject / sample</source>
        <translation>受试者 / 样品</translation>
    </message>
    <message>
        <source>Parts so far</source>
        <translation>已上传分片</translation>
    </message>
    <message>
        <source>Upload id</source>
        <translation>上传 ID</translation>
    </message>
</context>
<context>
    <name>bge::ui::StoreUploadsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Abort…</source>
        <translation>中止(&amp;A)…</translation>
    </message>
    <message>
        <source>Uploads in progress</source>
        <translation>正在进行的上传</translation>
    </message>
    <message>
        <source>Multipart uploads in progress</source>
        <translation>正在进行的分片上传</translation>
    </message>
    <message>
        <source>Refresh the uploads in progress</source>
        <translation>刷新正在进行的上传</translation>
    </message>
    <message>
        <source>Abort the selected uploads</source>
        <translation>中止所选上传</translation>
    </message>
    <message>
        <source>Abort the selected uploads (Delete)</source>
        <translation>中止所选上传（Delete）</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) in progress</source>
        <translation>
            <numerusform>%n 个正在进行的上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Abort the upload of “%1” (%2, started %3)?</source>
        <translation>要中止“%1”（%2，开始于 %3）的上传吗？</translation>
    </message>
    <message numerus="yes">
        <source>Abort %n uploads?</source>
        <translation>
            <numerusform>要中止 %n 个上传吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Abort Upload</source>
        <translation>中止上传</translation>
    </message>
    <message>
        <source>The parts already sent are deleted and no read set is made. A program still sending this upload will fail. This cannot be undone.</source>
        <translation>已发送的分片将被删除，且不会生成读段集。仍在发送此上传的程序将会失败。此操作无法撤销。</translation>
    </message>
    <message>
        <source>&amp;Abort Upload</source>
        <translation>中止上传(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>Uploads begun in this store and not completed; Delete aborts the selected ones</source>
        <translation>在该序列存储中已开始但未完成的上传；按 Delete 中止所选上传</translation>
    </message>
    <message>
        <source>Ask the store again for its uploads in progress (F5)</source>
        <translation>重新获取该序列存储中正在进行的上传（F5）</translation>
    </message>
</context>
<context>
    <name>bge::ui::SystemBrowserPanel</name>
    <message>
        <source>Sign in on the platform&apos;s page in your web browser. When you have approved the access, the browser hands the answer back to this program and the sign-in completes here.</source>
        <translation>请在网页浏览器中打开平台页面登录。您批准访问后，浏览器会把结果交回本程序，并在此完成登录。</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>If no browser opens, copy this address into a browser on this computer:</source>
        <translation>如果没有打开浏览器，请将此地址复制到本机的浏览器中：</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>登录地址</translation>
    </message>
</context>
<context>
    <name>bge::ui::TableExporter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>bge::ui::TaxaPage</name>
    <message>
        <source>Taxon abundance</source>
        <translation>物种丰度</translation>
    </message>
    <message>
        <source>Rank shown in the chart</source>
        <translation>图中显示的分类等级</translation>
    </message>
    <message>
        <source>Number of taxa in the chart</source>
        <translation>图中显示的物种数</translation>
    </message>
    <message>
        <source>Chart the top</source>
        <translation>图中显示丰度最高的</translation>
    </message>
    <message>
        <source>taxa of rank</source>
        <translation>个物种，分类等级</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>对数坐标(&amp;L)</translation>
    </message>
    <message>
        <source>Abundance on a logarithmic scale: rare taxa and dominant ones in one picture</source>
        <translation>以对数坐标显示丰度：稀有物种与优势物种同图可见</translation>
    </message>
    <message>
        <source>The taxa found in the sample at every rank, with their relative abundance</source>
        <translation>样品在各分类等级检出的物种及其相对丰度</translation>
    </message>
    <message>
        <source>The rank whose taxa the chart compares with the reference cohort</source>
        <translation>图表中与参考人群比较的物种所在的分类等级</translation>
    </message>
    <message>
        <source>How many of the sample&apos;s most abundant taxa the chart shows</source>
        <translation>图表显示样品中丰度最高的物种数</translation>
    </message>
</context>
<context>
    <name>bge::ui::TaxonAbundanceModel</name>
    <message>
        <source>Reference cohort: %1</source>
        <translation>参考人群：%1</translation>
    </message>
    <message>
        <source>Percentiles (%): %1</source>
        <translation>百分位数（%）：%1</translation>
    </message>
    <message>
        <source>Cohort mean (%): %1</source>
        <translation>人群均值（%）：%1</translation>
    </message>
    <message>
        <source>Found in %1% of the cohort</source>
        <translation>在 %1% 的参考人群中检出</translation>
    </message>
    <message>
        <source>This sample&apos;s rank in the cohort: %1</source>
        <translation>本样品在人群中的排位：%1</translation>
    </message>
    <message>
        <source>Median relative abundance in the reference cohort</source>
        <translation>参考人群相对丰度的中位数</translation>
    </message>
    <message>
        <source>5th to 95th percentile of the reference cohort</source>
        <translation>参考人群的第 5 至第 95 百分位数</translation>
    </message>
    <message>
        <source>Share of the reference cohort this sample is at or above</source>
        <translation>本样品不低于参考人群中的比例</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>分类等级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>分类谱系</translation>
    </message>
    <message>
        <source>Abundance (%)</source>
        <translation>丰度（%）</translation>
    </message>
    <message>
        <source>Cohort median (%)</source>
        <translation>人群中位数（%）</translation>
    </message>
    <message>
        <source>Cohort P5–P95 (%)</source>
        <translation>人群 P5–P95（%）</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>人群排位</translation>
    </message>
    <message>
        <source>Taxon ID</source>
        <translation>物种 ID</translation>
    </message>
</context>
<context>
    <name>bge::ui::TaxonChart</name>
    <message>
        <source>Top taxa against the reference cohort</source>
        <translation>高丰度物种与参考人群对比</translation>
    </message>
    <message>
        <source>This sample</source>
        <translation>本样品</translation>
    </message>
    <message>
        <source>Relative abundance (%)</source>
        <translation>相对丰度（%）</translation>
    </message>
    <message>
        <source>No %1-level taxa loaded</source>
        <translation>尚未加载%1水平的物种</translation>
    </message>
    <message numerus="yes">
        <source>Top %n %1-level taxa</source>
        <translation>
            <numerusform>丰度最高的 %n 个%1水平物种</numerusform>
        </translation>
    </message>
    <message>
        <source>For each taxon, the reference cohort&apos;s range as a box and whiskers, and this sample&apos;s relative abundance as a dot</source>
        <translation>每个物种以箱线图表示参考人群的范围，以圆点表示本样品的相对丰度</translation>
    </message>
    <message>
        <source>Relative abundance (%, log scale)</source>
        <translation>相对丰度（%，对数坐标）</translation>
    </message>
    <message>
        <source>Reference cohort (P5–P95 whiskers, P25–P75 box, median)</source>
        <translation>参考人群（须线 P5–P95，箱体 P25–P75，中位数）</translation>
    </message>
    <message>
        <source>%1 (%2)
This sample: %3 %</source>
        <translation>%1（%2）
本样品：%3 %</translation>
    </message>
    <message>
        <source>Reference cohort: P5 %1, P25 %2, median %3, P75 %4, P95 %5 %</source>
        <translation>参考人群：P5 %1，P25 %2，中位数 %3，P75 %4，P95 %5 %</translation>
    </message>
    <message>
        <source>Higher than %1 of the cohort</source>
        <translation>高于参考人群的 %1</translation>
    </message>
</context>
<context>
    <name>bge::ui::TransferActions</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Transfer anyway, replacing what has this name</source>
        <translation>仍然传输，替换同名的内容</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <source>Do not transfer the files whose name exists</source>
        <translation>不传输名称已存在的文件</translation>
    </message>
    <message>
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Remove &amp;Finished</source>
        <translation>移除已结束项(&amp;F)</translation>
    </message>
    <message>
        <source>Remove completed, cancelled and skipped transfers from the list</source>
        <translation>从列表中移除已完成、已取消和已跳过的传输</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>无法打开文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>bge::ui::TransferFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Name exists: overwrite or skip?</source>
        <translation>名称已存在：覆盖还是跳过？</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>No transfers. Drop files or folders on the window to upload them.</source>
        <translation>暂无传输。将文件或文件夹拖放到窗口即可上传。</translation>
    </message>
    <message>
        <source>%1 of %2 files done</source>
        <translation>已完成 %1/%2 个文件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>names that exist, to overwrite or skip: %1</source>
        <translation>名称已存在、待选择覆盖或跳过：%1</translation>
    </message>
    <message>
        <source>Transfers finished with errors</source>
        <translation>传输已结束，但有错误</translation>
    </message>
    <message>
        <source>Transfers finished</source>
        <translation>传输已完成</translation>
    </message>
    <message>
        <source>%1 was uploaded.</source>
        <translation>%1 已上传。</translation>
    </message>
    <message>
        <source>%1 was downloaded.</source>
        <translation>%1 已下载。</translation>
    </message>
    <message>
        <source>%1 could not be transferred.</source>
        <translation>%1 传输失败。</translation>
    </message>
    <message>
        <source>Files transferred: %1.</source>
        <translation>已传输文件：%1 个。</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <translation>失败：%1 个。</translation>
    </message>
    <message>
        <source>Waiting for you (paused, or a name that exists): %1.</source>
        <translation>等待您处理（已暂停或名称已存在）：%1 个。</translation>
    </message>
    <message>
        <source>Upload to HealthOmics</source>
        <translation>上传到 HealthOmics</translation>
    </message>
    <message>
        <source>Download from HealthOmics</source>
        <translation>从 HealthOmics 下载</translation>
    </message>
    <message>
        <source>%1 (R1 + R2)</source>
        <translation>%1（R1 + R2）</translation>
    </message>
    <message>
        <source>sequence store %1 (account %2)</source>
        <translation>序列存储 %1（账户 %2）</translation>
    </message>
    <message>
        <source>%1
to %2</source>
        <translation>%1
至 %2</translation>
    </message>
    <message>
        <source>%1 of the read set %2 in the %3
to %4</source>
        <translation>%3中读段集 %2 的 %1
至 %4</translation>
    </message>
    <message>
        <source>R1: %1
R2: %2</source>
        <translation>R1：%1
R2：%2</translation>
    </message>
    <message>
        <source>to the %1</source>
        <translation>至%1</translation>
    </message>
    <message>
        <source>to the %1 as the read set %2</source>
        <translation>至%1，作为读段集 %2</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>%1 uploading</source>
        <translation>正在上传 %1 个</translation>
    </message>
    <message>
        <source>%1 downloading</source>
        <translation>正在下载 %1 个</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 个待处理</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>Transfers: %1 done</source>
        <translation>传输：已完成 %1 个</translation>
    </message>
    <message>
        <source>No transfers</source>
        <translation>暂无传输</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>bge::ui::TransferListModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time Left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>bge::ui::TransfersPanel</name>
    <message>
        <source>Total progress of the transfers</source>
        <translation>传输总进度</translation>
    </message>
    <message>
        <source>Transfer summary</source>
        <translation>传输概况</translation>
    </message>
    <message>
        <source>Where transfers go</source>
        <translation>传输位置</translation>
    </message>
    <message>
        <source>Transfer messages</source>
        <translation>传输消息</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Transfer actions</source>
        <translation>传输操作</translation>
    </message>
    <message>
        <source>Upload Files…</source>
        <translation>上传文件…</translation>
    </message>
    <message>
        <source>Download Folder…</source>
        <translation>下载文件夹…</translation>
    </message>
    <message>
        <source>Nothing to upload: the folders hold no files.</source>
        <translation>没有可上传的内容：文件夹中没有文件。</translation>
    </message>
    <message>
        <source>The download folder %1 cannot be created. Choose another one.</source>
        <translation>无法创建下载文件夹 %1，请另选一个。</translation>
    </message>
    <message>
        <source>Upload Files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>Download Folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>your platform folder</source>
        <translation>您在平台上的文件夹</translation>
    </message>
    <message>
        <source>Uploads go to %1 · Downloads go to %2</source>
        <translation>上传至 %1 · 下载至 %2</translation>
    </message>
    <message>
        <source>the platform folder of %1</source>
        <translation>%1 的平台文件夹</translation>
    </message>
    <message>
        <source>Platform folder for uploads: %1</source>
        <translation>上传所用的平台文件夹：%1</translation>
    </message>
</context>
<context>
    <name>bge::ui::TransfersStatusButton</name>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Show the transfers</source>
        <translation>显示传输面板</translation>
    </message>
    <message>
        <source>Show the transfers (%1)</source>
        <translation>显示传输面板（%1）</translation>
    </message>
</context>
<context>
    <name>bge::ui::UserCard</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>已登录用户</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>用户 ID：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Personnel code:</source>
        <translation>人员信息编码：</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>服务地址：</translation>
    </message>
</context>
<context>
    <name>bge::ui::VariantDetailView</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>ref %1</source>
        <translation>参考 %1</translation>
    </message>
    <message>
        <source>alt %1</source>
        <translation>变异 %1</translation>
    </message>
    <message>
        <source>Variant details</source>
        <translation>变异详情</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变异</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>基因</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reference / alternate</source>
        <translation>参考 / 变异等位基因</translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <source>Zygosity</source>
        <translation>纯合/杂合</translation>
    </message>
    <message>
        <source>Read depth (DP)</source>
        <translation>测序深度（DP）</translation>
    </message>
    <message>
        <source>Genotype quality (GQ)</source>
        <translation>基因型质量（GQ）</translation>
    </message>
    <message>
        <source>Allele depths (AD)</source>
        <translation>等位基因深度（AD）</translation>
    </message>
    <message>
        <source>Phred likelihoods (PL)</source>
        <translation>Phred 似然值（PL）</translation>
    </message>
    <message>
        <source>Assayed</source>
        <translation>已检测</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>未检出</translation>
    </message>
    <message>
        <source>Allele frequencies</source>
        <translation>等位基因频率</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Variant record as received</source>
        <translation>平台返回的变异记录</translation>
    </message>
    <message>
        <source>Select a variant to see everything the platform reported for it.</source>
        <translation>选择一个变异，查看平台返回的全部信息。</translation>
    </message>
    <message>
        <source>The variant&apos;s record as the platform sent it</source>
        <translation>平台返回的变异记录</translation>
    </message>
</context>
<context>
    <name>bge::ui::VariantTableModel</name>
    <message>
        <source>heterozygous</source>
        <translation>杂合</translation>
    </message>
    <message>
        <source>homozygous reference</source>
        <translation>参考纯合</translation>
    </message>
    <message>
        <source>homozygous alternate</source>
        <translation>变异纯合</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>未检出</translation>
    </message>
    <message>
        <source>Reference / alternate allele frequency</source>
        <translation>参考 / 变异等位基因频率</translation>
    </message>
    <message>
        <source>rsid</source>
        <translation>rsid</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>基因</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Ref/Alt</source>
        <translation>参考/变异</translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <source>Zygosity</source>
        <translation>纯合/杂合</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>GQ</source>
        <translation>GQ</translation>
    </message>
    <message>
        <source>Alt. allele frequency</source>
        <translation>变异等位基因频率</translation>
    </message>
</context>
<context>
    <name>bge::ui::VariantsView</name>
    <message>
        <source>&amp;Look Up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>Fetch the sample&apos;s calls at these rsids (Ctrl+Return)</source>
        <translation>获取该样品在这些 rsid 上的检出结果（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变异</translation>
    </message>
    <message>
        <source>Sign in to look up variants.</source>
        <translation>登录后查询变异位点。</translation>
    </message>
    <message>
        <source>Select a genomics sample to look up its variants.</source>
        <translation>选择一个基因组样品，查询其变异位点。</translation>
    </message>
    <message>
        <source>Variants are called for genomics samples. %1 is a %2 sample: see its abundance instead.</source>
        <translation>变异位点仅针对基因组样品检出。%1 是%2样品：请改为查看其丰度。</translation>
    </message>
    <message>
        <source>%1. Nothing was sent: correct or remove them first.</source>
        <translation>%1。未发送任何请求：请先更正或删除这些项。</translation>
    </message>
    <message>
        <source>Type or paste at least one rsid, e.g. rs762551.</source>
        <translation>请输入或粘贴至少一个 rsid，例如 rs762551。</translation>
    </message>
    <message numerus="yes">
        <source>Looking up %n rsid(s)…</source>
        <translation>
            <numerusform>正在查询 %n 个 rsid…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Calls at %1 of %n rsid(s).</source>
        <translation>
            <numerusform>%n 个 rsid 中有 %1 个有检出结果。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No call at %n rsid(s): %1</source>
        <translation>
            <numerusform>%n 个 rsid 无检出结果：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export variants</source>
        <translation>导出变异</translation>
    </message>
    <message>
        <source>Export genotype comparison</source>
        <translation>导出基因型比较</translation>
    </message>
    <message>
        <source>Fetch the selected samples&apos; calls at these rsids (Ctrl+Return)</source>
        <translation>获取所选样品在这些 rsid 处的检出结果（Ctrl+Return）</translation>
    </message>
    <message>
        <source>The sample&apos;s genotype at each rsid looked up; the selected one is detailed below</source>
        <translation>样品在所查询的每个 rsid 上的基因型；所选变异的详情显示在下方</translation>
    </message>
</context>
<context>
    <name>bge::ui::Workspace</name>
    <message>
        <source>Samples</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Selected sample</source>
        <translation>所选样本</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Variants</source>
        <translation>变异位点(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Abundance</source>
        <translation>丰度(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Sample details</source>
        <translation>样品详情</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变异</translation>
    </message>
    <message>
        <source>Abundance</source>
        <translation>丰度</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Sample &amp;List</source>
        <translation>样品列表(&amp;L)</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>Show or hide the sample list; hidden, the results take the whole width</source>
        <translation>显示或隐藏样品列表；隐藏时结果占满整个宽度</translation>
    </message>
    <message>
        <source>The sample&apos;s fields, files and record</source>
        <translation>样品的字段、文件和记录</translation>
    </message>
    <message>
        <source>Genotypes at the rsids you look up, for one or several genomics samples</source>
        <translation>一个或多个基因组样品在所查询 rsid 上的基因型</translation>
    </message>
    <message>
        <source>Taxa, functions and genes found in metagenomics samples</source>
        <translation>宏基因组样品中检出的物种、功能和基因</translation>
    </message>
    <message>
        <source>Interpretation models run on the sample</source>
        <translation>对样品运行的解读模型</translation>
    </message>
</context>
</TS>
