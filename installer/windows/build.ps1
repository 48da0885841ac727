# Builds the Windows till: the PyInstaller folder, then the Inno Setup installer.
# Run from the repository root in PowerShell on Windows 10/11 with Python 3.11 and Inno Setup 6:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
$ErrorActionPreference = "Stop"
python -m venv .venv
.venv\Scripts\python -m pip install -q -e . "pyinstaller>=6.10,<7"
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\windows\frontdesk.spec
$check = Join-Path $env:TEMP "frontdesk-check"
New-Item -ItemType Directory -Force $check | Out-Null
dist\frontdesk\frontdesk.exe --db "$check\demo.db" demo
if ($LASTEXITCODE -ne 0) { throw "the bundle could not build a demo store" }
$env:QT_QPA_PLATFORM = "offscreen"
dist\frontdesk\frontdesk.exe --db "$check\demo.db" till --selftest "$check\window.png"
if ($LASTEXITCODE -ne 0) { throw "the bundle did not open the till window" }
$version = (Select-String -Path src\frontdesk\__init__.py -Pattern '__version__ = "(.*)"').Matches[0].Groups[1].Value
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" installer\windows\frontdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
