<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>bge::ApiError</name>
    <message>
        <source>Could not reach the platform. Check the network connection and the endpoint address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform had an internal problem (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in has expired or is invalid (%1 %2). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform refused the request (%1 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform sent a response this version cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in, or the sign-in could not be renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::CredentialStore</name>
    <message>
        <source>no Secret Service such as GNOME Keyring or KWallet is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Secret Service has no default keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no D-Bus session bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved secret was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available; the secret is kept for this session only and will be asked for again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::LoopbackRedirectListener</name>
    <message>
        <source>Signed in. You can close this window and return to BGE Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not complete. Return to BGE Desktop for details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::PlatformApi</name>
    <message>
        <source>a biosample id is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least one external sample id is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one field to set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one rsid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an rsid (rs followed by digits): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown function catalog &quot;%1&quot; (one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown gene catalog &quot;%1&quot; (one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data type must be &quot;list&quot; or &quot;file&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model id is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::Profile</name>
    <message>
        <source>The endpoint is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is refused for %1: tokens and secrets would cross the network unencrypted. Use https://, or http:// only for this computer (127.0.0.1, localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::SessionStore</name>
    <message>
        <source>No system keychain is available: the sign-in is kept only until this program ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store the secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli</name>
    <message>
        <source>the client secret is never taken as an argument (it would show in the process list and in shell history): use the BGE_CLIENT_SECRET environment variable, --client-secret-file FILE, or the keychain (stored by `bge login`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 1 and 3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options (before or after the command):
  --profile NAME             use the named profile (default: BGE_PROFILE or &quot;default&quot;)
  --endpoint URL             platform address (https://, or http:// on this computer only)
  --client-id ID             client application id
  --client-secret-file FILE  read the client secret from FILE (or set BGE_CLIENT_SECRET)
  --json                     print the platform&apos;s data as JSON on stdout
  --timeout SECONDS          give up on a silent server after this long (default 60)
  --verbose                  log requests (never tokens or secrets) to stderr
  --version, --help
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected key=value, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page takes a page number or the cursor a previous page printed</source>
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
        <source>the platform returned the page &quot;%1&quot; twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; next page: --page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: unknown value &quot;%2&quot; (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge [global options] COMMAND [arguments]

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show help for a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 API error, 2 usage error, 3 transport or authentication failure.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: unknown command &quot;%1&quot; (see `bge help`)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::CliContext</name>
    <message>
        <source>bge: warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid profile name &quot;%1&quot; (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the client secret file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored sign-in needs the client secret to be renewed: set BGE_CLIENT_SECRET or --client-secret-file, or run `bge login` again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in: run `bge login`, or give --client-id and a client secret for client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in: run `bge login`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in and no client secret: run `bge login`, or set BGE_CLIENT_SECRET (or --client-secret-file) to use client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::ExternalsCommand</name>
    <message>
        <source>find biosample ids by external sample ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge externals EXTERNAL_ID… [--site SITE] [--project PROJECT_ID]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one external sample id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--site: unknown site &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXTERNAL ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIOSAMPLE ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::FunctionsCommand</name>
    <message>
        <source>function abundance of a sample in one catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge functions BIOSAMPLE_ID CATALOG [--ids ID…] [--page CURSOR] [--limit N] [--all]

Catalogs: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a biosample id and a catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown catalog &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::GenesCommand</name>
    <message>
        <source>gene abundance of a sample (a list, or result files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge genes BIOSAMPLE_ID CATALOG TYPE [--ids ID…] [--page CURSOR] [--limit N] [--all]

Catalogs: %1. Types: list, file (UniRef90_HUMAnN2_0.11 supports file only).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a biosample id, a catalog and a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown catalog &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the type is list or file, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBJECT NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENE NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEGG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENUS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::ImproveSampleCommand</name>
    <message>
        <source>fill in fields of a sample that are still empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge improve-sample BIOSAMPLE_ID field=value…

Only fields that are still empty can be set: the platform refuses changes.
Fields: library_id, library_strategy, library_source, library_selection, library_layout, …
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a biosample id and at least one field=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1: %2
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::LoginCommand</name>
    <message>
        <source>sign in (browser and loopback redirect, or client credentials)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the client application&apos;s id with --client-id (or BGE_CLIENT_ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wait takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret is needed once: set BGE_CLIENT_SECRET or use --client-secret-file FILE (it is then kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticated as the application %1 (client credentials). Later commands fetch their own tokens.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the browser in time; run `bge login` again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was not completed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not belong to this sign-in (state mismatch); try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the sign-in page in your browser. If nothing opens, visit:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser (%1 s)…
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on %2 (profile &quot;%3&quot;).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::LogoutCommand</name>
    <message>
        <source>sign out and forget the stored session and client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge logout

Removes this profile&apos;s session and client secret from the keychain.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logout takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of profile &quot;%1&quot;.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::ModelCommand</name>
    <message>
        <source>run an interpretation model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge model MODEL_ID key=value…

Parameters are the model&apos;s own, e.g. biosample_id=E-F19149953317.
A model that runs but cannot interpret the sample reports a non-zero model_code;
bge then exits with 1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bge: the model could not interpret this sample (model_code %1: %2)
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::RegisterSampleCommand</name>
    <message>
        <source>register a new sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge register-sample --external-id ID --site SITE --project PROJECT_ID
                           [--allow-duplicate] [field=value…]

Prints the new biosample id. Extra fields (library_strategy=WGS, …) are sent as given.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--external-id, --site and --project are required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::SampleCommand</name>
    <message>
        <source>show one sample in full, with its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge sample BIOSAMPLE_ID
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one biosample id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biosample id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base pairs (Gb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human contamination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBJECT NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::SamplesCommand</name>
    <message>
        <source>list samples, with every filter of the platform</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-availability takes yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIOSAMPLE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SITE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OMICS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORGANISM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COLLECTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILES</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; next page: --page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::TaxaCommand</name>
    <message>
        <source>taxon abundance of a sample, against its reference cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge taxa BIOSAMPLE_ID [--taxon TAXON_ID…] [--page N] [--limit N] [--all]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one biosample id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAXON ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RANK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABUNDANCE %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COHORT MEDIAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COHORT 5–95%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RANK RATIO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bge::cli::VariantsCommand</name>
    <message>
        <source>genotypes of a sample at the given rsids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge variants BIOSAMPLE_ID RSID… [--file FILE]

Rsids may be separated by spaces, commas or new lines; --file reads them from a file
(&quot;-&quot; for standard input). More than 100 are sent in several calls.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a biosample id and rsids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one rsid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an rsid (rs followed by digits): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POSITION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GENOTYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZYGOSITY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALT FREQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no call</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bge::cli::WhoamiCommand</name>
    <message>
        <source>show the signed-in user and the token&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: bge whoami

Shows the user (for user sign-ins) and the access token&apos;s client, scopes and expiry.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whoami takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token active</source>
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
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
