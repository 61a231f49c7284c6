<#
.SYNOPSIS
  一条命令生成 Windows 安装程序：dist\guilin-union-setup-<版本>.exe
  Builds the Windows setup file of 桂林学院工会工作管理系统 from a clean checkout.

.DESCRIPTION
  Prerequisites (先准备好，只需一次):
    1. Windows 10/11 x64 with PowerShell 5.1+ (built in) and internet access on THIS build PC
       (the office PCs that install the setup file need none).
    2. uv — https://docs.astral.sh/uv/  (winget install astral-sh.uv, or: pip install uv).
       uv fetches Python 3.11 and every package from uv.lock itself; a separately installed
       64-bit Python 3.11 from python.org also works.
    3. Inno Setup 6.3 or newer — https://jrsoftware.org/isdl.php (winget install JRSoftware.InnoSetup).
    4. Optional: ChineseSimplified.isl (the unofficial Simplified Chinese setup translation) in
       installer\ or in Inno Setup's Languages folder; without it the setup wizard is English.
       See installer\README.md.
    5. Optional, for signing: signtool.exe (Windows SDK, "Windows SDK Signing Tools for Desktop
       Apps") and the school's code-signing certificate (.pfx file or in the certificate store).

  Steps: uv sync (exact versions from uv.lock) -> PyInstaller (installer\guilin_union.spec)
  -> the bundle's own self-test (guilin-union-cli.exe --self-test) -> optional signing of the
  .exe files -> Inno Setup compiler (installer\guilin-union.iss) -> optional signing of the
  setup file -> dist\guilin-union-setup-<version>.exe and its SHA-256.

.PARAMETER CertificateFile
  A .pfx code-signing certificate; its password is read from the environment variable
  GUILIN_SIGN_PASSWORD (so it does not end up in the console history).
.PARAMETER CertificateThumbprint
  Sign with a certificate from the Windows certificate store (e.g. on a USB token) instead.
.PARAMETER TimestampUrl
  RFC 3161 time-stamp server, so the signature stays valid after the certificate expires.
.PARAMETER SkipSelfTest
  Do not run the bundle's self-test (not recommended).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
.EXAMPLE
  $env:GUILIN_SIGN_PASSWORD = '...'; .\installer\build_windows.ps1 -CertificateFile C:\certs\school.pfx
#>
[CmdletBinding()]
param(
    [string]$CertificateFile = "",
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [string]$Iscc = "",
    [switch]$SkipSelfTest
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Dist = Join-Path $Root "dist"
$Bundle = Join-Path $Dist "guilin-union"

function Step([string]$Text) { Write-Host ""; Write-Host "==> $Text" -ForegroundColor Cyan }

# Native programs do not throw on failure: check every exit code.
function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What 失败（退出码 $LASTEXITCODE）" }
}

function Find-Iscc {
    if ($Iscc) { return $Iscc }
    $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($candidate in $candidates) { if (Test-Path $candidate) { return $candidate } }
    throw "找不到 Inno Setup 编译器 ISCC.exe：请安装 Inno Setup 6.3 或更新版本（winget install JRSoftware.InnoSetup），或用 -Iscc 指定路径。"
}

function Find-SignTool {
    $onPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName -Descending | Select-Object -First 1
    if ($found) { return $found.FullName }
    throw "找不到 signtool.exe：请安装 Windows SDK 的 'Signing Tools for Desktop Apps'。"
}

$Signing = [bool]($CertificateFile -or $CertificateThumbprint)
function Get-SignArguments {
    $arguments = @("sign", "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256", "/d", "桂林学院工会工作管理系统")
    if ($CertificateThumbprint) {
        $arguments += @("/sha1", $CertificateThumbprint)
    } else {
        if (-not (Test-Path $CertificateFile)) { throw "证书文件不存在：$CertificateFile" }
        $arguments += @("/f", (Resolve-Path $CertificateFile).Path)
        if ($env:GUILIN_SIGN_PASSWORD) { $arguments += @("/p", $env:GUILIN_SIGN_PASSWORD) }
    }
    return $arguments
}

function Invoke-Sign([string[]]$Files) {
    $signtool = Find-SignTool
    $arguments = Get-SignArguments
    Invoke-Checked "签名" { & $signtool @arguments @Files }
    Invoke-Checked "验证签名" { & $signtool verify /pa /q @Files }
}

# ---------------------------------------------------------------- 1. tools and packages
Step "检查 uv"
if (-not (Get-Command uv -ErrorAction SilentlyContinue)) {
    throw "找不到 uv：请先安装（winget install astral-sh.uv，或 pip install uv），然后重新打开 PowerShell。"
}
$IsccExe = Find-Iscc
Write-Host "Inno Setup: $IsccExe"

Step "uv sync（按 uv.lock 安装 Python 3.11 和全部依赖，含 PyInstaller）"
Invoke-Checked "uv sync" { uv sync --frozen }

$Version = uv run --frozen python -c "import guilin_union; print(guilin_union.__version__)" | Select-Object -Last 1
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "读取版本号失败" }
$Version = "$Version".Trim()
Write-Host "版本：$Version"

# ---------------------------------------------------------------- 2. PyInstaller
Step "PyInstaller：生成 dist\guilin-union\"
Invoke-Checked "PyInstaller" {
    uv run --frozen pyinstaller --noconfirm --clean --distpath $Dist --workpath (Join-Path $Root "build\pyinstaller") installer\guilin_union.spec
}

# ---------------------------------------------------------------- 3. self-test of the bundle
if (-not $SkipSelfTest) {
    Step "自检：guilin-union-cli.exe --self-test（在临时数据库上打开主窗口、生成全部报表）"
    Invoke-Checked "自检" { & (Join-Path $Bundle "guilin-union-cli.exe") --self-test }
}

# ---------------------------------------------------------------- 4. sign the programs
if ($Signing) {
    Step "签名程序文件"
    Invoke-Sign @((Join-Path $Bundle "guilin-union.exe"), (Join-Path $Bundle "guilin-union-cli.exe"))
}

# ---------------------------------------------------------------- 5. Inno Setup
Step "Inno Setup：生成安装程序"
$IsccArguments = @("/Qp", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "/DOutputDir=$Dist")
$LocalIsl = Join-Path $PSScriptRoot "ChineseSimplified.isl"
$CompilerIsl = Join-Path (Split-Path -Parent $IsccExe) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $LocalIsl) -and -not (Test-Path $CompilerIsl)) {
    Write-Warning "没有找到 ChineseSimplified.isl：安装向导将是英文界面（程序本身仍是中文）。获取方法见 installer\README.md。"
}
if ($Signing) {
    # Inno Setup signs the setup file and its uninstaller through a named sign tool;
    # $q stands for a double quote and $f for the file inside Inno Setup's command line.
    $signtool = Find-SignTool
    $signCommand = '$q' + $signtool + '$q ' + ((Get-SignArguments | ForEach-Object { '$q' + $_ + '$q' }) -join ' ') + ' $f'
    $IsccArguments += @("/Sguilinsign=$signCommand", "/DSignTool=guilinsign")
}
Invoke-Checked "Inno Setup 编译" { & $IsccExe @IsccArguments (Join-Path $PSScriptRoot "guilin-union.iss") }

$Setup = Join-Path $Dist "guilin-union-setup-$Version.exe"
if (-not (Test-Path $Setup)) { throw "没有生成安装程序：$Setup" }
$Hash = (Get-FileHash -Algorithm SHA256 $Setup).Hash
Step "完成"
Write-Host "安装程序：$Setup"
Write-Host "SHA-256：$Hash"
