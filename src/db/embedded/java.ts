/** mongo-java-server (an in-memory MongoDB in the JVM), its classpath resolved by Maven once and cached in the data dir. */
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PACKAGE_ROOT } from '../../config.js';
import { EmbeddedMongoError, type Candidate, type EmbeddedOptions, type RunningServer } from './backend.js';
import { findExecutable, isReadable, statIfExists } from './files.js';
import { describeExit, firstLineMatching, formatTail, SupervisedProcess } from './supervised-process.js';

const JAVA_SERVER_DIR = join(PACKAGE_ROOT, 'mongo-java-server');
const JAVA_POM = join(JAVA_SERVER_DIR, 'pom.xml');
const JAVA_LAUNCHER = join(JAVA_SERVER_DIR, 'Launcher.java');
const JAVA_URI_LINE = /^mongodb:\/\/127\.0\.0\.1:\d+\/$/;

const JAVA_START_TIMEOUT_MS = 60_000;
const MAVEN_TIMEOUT_MS = 300_000;
const JAVA_STOP_DEADLINE_MS = 5_000;

export async function probeJava(options: EmbeddedOptions): Promise<Candidate> {
  const java = await findExecutable('java');
  if (java === undefined) return { available: false, reason: 'no java on PATH' };

  const classpathFile = join(options.dataDir, 'java-classpath.txt');
  const cached = await readFreshClasspath(classpathFile);
  if (cached !== undefined) {
    return { available: true, detail: `${java}, cached classpath`, start: () => startJavaServer(java, cached, options) };
  }

  const mvn = await findExecutable('mvn');
  if (mvn === undefined) {
    return {
      available: false,
      reason: `no mvn on PATH to fetch mongo-java-server (${JAVA_POM}) and no cached classpath in ${classpathFile}`,
    };
  }
  return {
    available: true,
    detail: `${java}, resolving the classpath with ${mvn}`,
    start: async () => {
      options.log('embedded MongoDB: resolving mongo-java-server with Maven (first start or pom.xml changed)');
      const classpath = await resolveClasspathWithMaven(mvn, classpathFile);
      return startJavaServer(java, classpath, options);
    },
  };
}

/** The cached classpath, unless pom.xml is newer or a listed jar is gone (e.g. ~/.m2 was cleaned). */
async function readFreshClasspath(classpathFile: string): Promise<string | undefined> {
  const [cache, pom] = await Promise.all([statIfExists(classpathFile), stat(JAVA_POM)]);
  if (cache === undefined || cache.mtimeMs < pom.mtimeMs) return undefined;

  const classpath = (await readFile(classpathFile, 'utf8')).trim();
  if (!classpath) return undefined;
  const entries = classpath.split(delimiter);
  const present = await Promise.all(entries.map((entry) => isReadable(entry)));
  return present.every(Boolean) ? classpath : undefined;
}

async function resolveClasspathWithMaven(mvn: string, classpathFile: string): Promise<string> {
  // Written under a temporary name and renamed, so that a concurrent start never reads half a file.
  const partial = `${classpathFile}.${process.pid}.tmp`;
  const maven = SupervisedProcess.spawn(
    mvn,
    ['-q', '-B', '-Dstyle.color=never', '-f', JAVA_POM, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`],
    { exitSignal: 'SIGKILL' },
  );
  try {
    const status = await maven.awaitExit(MAVEN_TIMEOUT_MS, 'java');
    if (status.code !== 0) {
      throw new EmbeddedMongoError(
        'java',
        `Maven could not resolve mongo-java-server (${describeExit(status)}).${formatTail(maven.output())}`,
      );
    }
    await rename(partial, classpathFile);
  } finally {
    await rm(partial, { force: true });
  }
  const classpath = await readFreshClasspath(classpathFile);
  if (classpath === undefined) {
    throw new EmbeddedMongoError('java', `Maven wrote an empty or incomplete classpath to ${classpathFile}.`);
  }
  return classpath;
}

async function startJavaServer(java: string, classpath: string, options: EmbeddedOptions): Promise<RunningServer> {
  // An out-of-memory JVM would keep a half-working server up; exiting makes it an unexpected exit.
  const server = SupervisedProcess.spawn(java, ['-XX:+ExitOnOutOfMemoryError', '-cp', classpath, JAVA_LAUNCHER], {
    // Memory backend: nothing to flush, so the quickest end is the right one.
    exitSignal: 'SIGKILL',
    onUnexpectedExit: (description) => options.log(`embedded MongoDB: mongo-java-server ${description}`),
  });
  const uri = await server.awaitStartup(
    firstLineMatching(server.stdout, JAVA_URI_LINE),
    JAVA_START_TIMEOUT_MS,
    'mongo-java-server',
    'java',
  );
  return {
    uri,
    pid: server.pid,
    // EOF on stdin is the launcher's shutdown command.
    stop: () => server.terminate(() => server.closeStdin(), JAVA_STOP_DEADLINE_MS),
  };
}
