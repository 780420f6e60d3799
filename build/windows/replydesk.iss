; Inno Setup 6 script: the ReplyDesk (答复助手) installer for Windows.
;
; Build the bundle first (python build\build.py, or with --installer to run this too), then:
;     iscc /DAppVersion=0.1.0 build\windows\replydesk.iss
; The installer is written to dist\ReplyDesk-Setup-<version>.exe.
;
; Options (all /D…=…):
;   AppVersion  the version shown (default: the version resource of dist\replydesk\replydesk.exe,
;               which build.py writes from pyproject.toml)
;   DistDir     the bundle folder (default: dist\replydesk beside this repository's build\)
;
; Needs Inno Setup 6.3 or newer. The Chinese (Simplified) wizard texts ship with Inno Setup from
; 6.5 on (Languages\ChineseSimplified.isl). With an older 6.x, put the translation from
; https://jrsoftware.org/files/istrans/ (an unofficial, user-contributed file) next to this
; script as ChineseSimplified.isl; without either, the wizard is in English and the messages of
; this script are shown in Chinese and English.
;
; The clerk's data (library, edited templates, backups, logs) lives in %LOCALAPPDATA%\ReplyDesk
; (platformdirs' user_data_dir for "ReplyDesk", appauthor=False) and the window's settings in
; HKCU\Software\ReplyDesk. Uninstalling keeps both unless the user answers Yes to the question
; at the end (never in a silent uninstall). Only the uninstalling Windows user's data is
; concerned: other users' folders stay.

#define AppName "答复助手 ReplyDesk"
#define AppExe "replydesk.exe"

#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\..\dist\replydesk"
#endif
#if !FileExists(AddBackslash(DistDir) + AppExe)
  #error The bundle was not found: run "python build\build.py" first (or pass /DDistDir=...).
#endif
#define FileVersion GetVersionNumbersString(AddBackslash(DistDir) + AppExe)
#ifndef AppVersion
  #define AppVersion FileVersion
#endif

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
AppId={{BB25DFEC-19A9-4EC6-A453-125C40C64FFC}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ReplyDesk
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\ReplyDesk
DisableProgramGroupPage=yes
; All users (Program Files) by default; "only for me" needs no administrator.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or newer.
MinVersion=10.0.17763
OutputDir={#AddBackslash(SourcePath)}..\..\dist
OutputBaseFilename=ReplyDesk-Setup-{#AppVersion}
SetupIconFile={#AddBackslash(SourcePath)}replydesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
#ifdef ChineseIsl
Name: "chinesesimp"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#ifdef ChineseIsl
chinesesimp.RemoveDataPrompt=是否同时删除答复助手的资料？%n%n%1%n%n这里保存着资料库（历年答复和参考材料）、案件和草稿、修改过的模板、备份和日志，删除后无法恢复。%n%n选择“否”将保留这些文件，重新安装后可继续使用。
chinesesimp.RemoveDataFailed=“%1”中有部分文件未能删除，可以稍后手动删除该文件夹。
english.RemoveDataPrompt=Also delete ReplyDesk's data?%n%n%1%n%nIt holds the library (past replies and reference material), cases and drafts, edited templates, backups and logs; deleted, they cannot be recovered.%n%nChoose No to keep them for a later installation.
english.RemoveDataFailed=Some files in "%1" could not be deleted; you can delete the folder by hand later.
#else
english.RemoveDataPrompt=是否同时删除答复助手的资料？%n%1%n这里保存着资料库、案件和草稿、修改过的模板、备份和日志，删除后无法恢复。选择“否”将保留这些文件。%n%nAlso delete ReplyDesk's data (the library, cases and drafts, edited templates, backups and logs)? Choose No to keep them.
english.RemoveDataFailed=“%1”中有部分文件未能删除，可以稍后手动删除。%nSome files in "%1" could not be deleted.
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the program's files completely: nothing of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\ReplyDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := UserDataDir();
  { Silent uninstalls (e.g. by IT tools) always keep the data. }
  if UninstallSilent() or not DirExists(Folder) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveDataPrompt'), [Folder]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if not DelTree(Folder, True, True, True) then
    MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [Folder]), mbError, MB_OK);
  { The window's settings (size, language). }
  RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\ReplyDesk');
end;
