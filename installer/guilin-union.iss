; 桂林学院工会工作管理系统 — Inno Setup 6 script (https://jrsoftware.org/isinfo.php).
;
; Build (installer\build_windows.ps1 does all of this):
;   1. uv run pyinstaller --noconfirm --clean installer\guilin_union.spec   -> dist\guilin-union\
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\guilin-union.iss
;   -> dist\guilin-union-setup-0.1.0.exe
;
; What the setup does:
; - installs for the current user WITHOUT administrator rights by default
;   (PrivilegesRequired=lowest: %LOCALAPPDATA%\Programs\GuilinUnion); the first page offers
;   "install for all users" to someone who has administrator rights;
; - Start menu shortcut and (optional) desktop shortcut named 桂林学院工会工作管理系统;
; - upgrades in place: the AppId below never changes, so a newer setup replaces the program
;   files of an older one (same folder, same shortcuts) and asks to close a running copy;
; - the uninstaller removes only the program: the union's data folder
;   (%APPDATA%\guilin-union: database, backups, attachments) is never touched, and it says so.
;
; Setup language: Simplified Chinese needs ChineseSimplified.isl, an UNOFFICIAL translation
; that Inno Setup does not install (see installer\README.md for where to get it). Put it next
; to this script or into Inno Setup's Languages folder, or pass /DChineseIsl=PATH. Without it
; the setup falls back to English (Default.isl); our own texts below stay Chinese.
;
; This file must stay UTF-8 WITH a byte-order mark, or Inno Setup reads the Chinese as ANSI.

#define AppName "桂林学院工会工作管理系统"
#define AppPublisher "桂林学院工会"
#define AppExeName "guilin-union.exe"
#ifndef BundleDir
  ; PyInstaller's output (override with /DBundleDir=PATH).
  #define BundleDir AddBackslash(SourcePath) + "..\dist\guilin-union"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif

#ifndef AppVersion
  ; The version PyInstaller wrote into the .exe from guilin_union.__version__.
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error 找不到程序版本：请先运行 PyInstaller（dist\guilin-union\guilin-union.exe），或用 /DAppVersion=x.y.z 指定
#endif

#ifndef ChineseIsl
  #if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
    #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
  #elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
    #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
  #endif
#endif
#ifndef ChineseIsl
  #pragma message "ChineseSimplified.isl not found: the setup wizard will be in English (Default.isl)."
#endif

[Setup]
; Fixed for ever: it is how a newer setup finds (and upgrades) an installed older version.
AppId={{DDE34471-3C3B-4286-A199-07D12574C8BE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per-user install without administrator rights; an administrator may choose "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\GuilinUnion
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
; Close a running copy before replacing its files (upgrade in place), start it again after.
CloseApplications=yes
RestartApplications=no
OutputDir={#OutputDir}
OutputBaseFilename=guilin-union-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
#ifdef SignTool
; build_windows.ps1 -CertificateFile … defines the sign tool "guilinsign" (see README.md).
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
#ifdef ChineseIsl
Name: "chinesesimp"; MessagesFile: "{#ChineseIsl}"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Messages]
; Said before anything is removed: the data stays.
ConfirmUninstall=确定要卸载 %1 吗？%n%n只删除程序本身。工会的数据文件、自动备份和附件（用户文件夹下的 AppData\Roaming\guilin-union）不会被删除，重新安装后可以继续使用。

[CustomMessages]
DesktopIcon=在桌面上创建快捷方式
AdditionalIcons=快捷方式：
LaunchProgram=启动 {#AppName}
DataKept=程序已卸载。%n%n数据文件、自动备份和附件仍保留在：%n%1%n%n如果确实不再需要这些数据，请先另外保存一份，再手动删除该文件夹。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime folder, so no file of an older version lingers.
; (Only program files live under {app}; the data is in %APPDATA%\guilin-union.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{#AppName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry: nothing outside {app} is ever removed.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { After the files are gone: tell where the data still is (not in silent uninstalls). }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\guilin-union')]),
      mbInformation, MB_OK);
end;
