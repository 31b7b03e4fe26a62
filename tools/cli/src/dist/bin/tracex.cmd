@echo off
rem tracex: runs the tracex command line, lib\tracex.jar of this distribution, on Java 17 or later (Windows).
rem bin/tracex, the POSIX launcher, does the same and says why each JDK gets the options it gets; keep the two
rem in step (DistributionIT checks both).
rem
rem   java          %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java.exe on the PATH
rem   JVM options   the ones this JDK needs, then %JAVA_OPTS%, then %TRACEX_OPTS% (a later option wins)
rem
rem No parenthesised blocks below: cmd expands a block's variables when it reads it, and a JAVA_HOME such as
rem C:\Program Files (x86)\Java\... would close the block early.
setlocal

set "TRACEX_HOME=%~dp0.."

if not defined JAVA_HOME goto javaOnPath
set "TRACEX_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%TRACEX_JAVA%" goto javaFound
echo tracex: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe: set it to a Java 17 or later, or unset it to use the java on the PATH 1>&2
exit /b 2

:javaOnPath
set "TRACEX_JAVA=java.exe"
where /q java.exe
if not errorlevel 1 goto javaFound
echo tracex: no java on the PATH and JAVA_HOME is not set: install Java 17 or later 1>&2
exit /b 2

:javaFound
rem The JDK's feature version (17, 21, 25...): from %JAVA_HOME%\release (no JVM started), else from the line
rem `... version "17.0.15" ...` of `java -version` ("call" keeps cmd from stripping the quoted path's quotes).
set "TRACEX_JAVA_VERSION="
if defined JAVA_HOME if exist "%JAVA_HOME%\release" for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME%\release") do if "%%a"=="JAVA_VERSION" set "TRACEX_JAVA_VERSION=%%~b"
if not defined TRACEX_JAVA_VERSION for /f "tokens=1-3" %%a in ('call "%TRACEX_JAVA%" -version 2^>^&1') do if "%%b"=="version" if not defined TRACEX_JAVA_VERSION set "TRACEX_JAVA_VERSION=%%~c"
set "TRACEX_JAVA_FEATURE="
if defined TRACEX_JAVA_VERSION for /f "delims=.-+_" %%f in ("%TRACEX_JAVA_VERSION%") do set "TRACEX_JAVA_FEATURE=%%f"
rem 1.8.0_402 is Java 8
if "%TRACEX_JAVA_FEATURE%"=="1" for /f "tokens=2 delims=." %%f in ("%TRACEX_JAVA_VERSION%") do set "TRACEX_JAVA_FEATURE=%%f"

rem An unknown version gets no option: the JVM then runs, at worst with the warnings, rather than refuse an option.
set "TRACEX_JDK_OPTS="
if not defined TRACEX_JAVA_FEATURE goto run
if %TRACEX_JAVA_FEATURE% LSS 17 goto tooOld
if %TRACEX_JAVA_FEATURE% GEQ 24 set "TRACEX_JDK_OPTS=--sun-misc-unsafe-memory-access=allow"

:run
"%TRACEX_JAVA%" %TRACEX_JDK_OPTS% %JAVA_OPTS% %TRACEX_OPTS% -jar "%TRACEX_HOME%\lib\tracex.jar" %*
exit /b %ERRORLEVEL%

:tooOld
echo tracex: %TRACEX_JAVA% is Java %TRACEX_JAVA_FEATURE%; tracex needs Java 17 or later (set JAVA_HOME) 1>&2
exit /b 2
