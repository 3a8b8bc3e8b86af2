// @ts-check
/**
 * Redis and PostgreSQL for the queue-mode test, each a throw-away child process on loopback
 * (own port, own data folder under the test's temp dir, nothing written elsewhere). Debian's
 * packages are installed with apt-get when they are missing and we may (root, or sudo without a
 * password, as in CI); where that is impossible `findOrInstall` returns why, and the test skips.
 *
 * PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user the
 * Debian package creates (Node's spawn with uid/gid), so the process we hold is postgres itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * @param {string} command
 * @returns {string | undefined}
 */
export function which(command) {
	const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The bin folder of the newest PostgreSQL Debian installed (/usr/lib/postgresql/<v>/bin). */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return join(root, versions[0], 'bin');
	}
	const pgConfig = which('pg_config');
	if (pgConfig) {
		const dir = spawnSync(pgConfig, ['--bindir'], { encoding: 'utf8' }).stdout?.trim();
		if (dir && existsSync(join(dir, 'postgres'))) return dir;
	}
	const postgres = which('postgres');
	return postgres ? postgres.replace(/\/postgres$/, '') : undefined;
}

/**
 * @param {string[]} packages
 * @param {(message: string) => void} log
 * @returns {string | undefined} why it could not, or nothing
 */
export function aptInstall(packages, log) {
	const sudo = isRoot
		? []
		: which('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0
			? ['sudo', '-n']
			: undefined;
	if (!sudo) return 'not root and no password-less sudo, so apt-get cannot install it';
	if (!which('apt-get')) return 'no apt-get on this machine';
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Debian's postinst may try to start the service; without an init system it does not, and
	// in CI (systemd) we stop nothing of ours: our servers use their own ports and folders.
	for (const args of [
		['apt-get', 'update'],
		['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
	]) {
		const [command, ...rest] = [...sudo, ...args];
		log(`$ ${[command, ...rest].join(' ')}`);
		const result = spawnSync(command, rest, {
			encoding: 'utf8',
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (result.status !== 0)
			return `${args.join(' ')} failed: ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' / ')}`;
	}
	return undefined;
}

/**
 * { redisServer, pgBin } when both are here (installing what is missing), or { skip: why }.
 * @param {(message: string) => void} [log]
 */
export function findOrInstall(log = () => {}) {
	let redisServer = which('redis-server');
	let pgBin = postgresBinDir();
	const missing = [...(redisServer ? [] : ['redis-server']), ...(pgBin ? [] : ['postgresql'])];
	if (missing.length) {
		const why = aptInstall(missing, log);
		if (why) return { skip: `${missing.join(' and ')} missing: ${why}` };
		redisServer = which('redis-server');
		pgBin = postgresBinDir();
		if (!redisServer || !pgBin)
			return { skip: `${missing.join(' and ')} still missing after apt-get install` };
	}
	return { redisServer, pgBin };
}

/** The uid/gid PostgreSQL runs as: ours, or the `postgres` user's when we are root. */
function postgresUser() {
	if (!isRoot) return {};
	const id = (flag) =>
		Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	const gid = id('-g');
	if (!Number.isInteger(uid) || uid <= 0)
		throw new Error(
			'running as root and there is no "postgres" user to run PostgreSQL as (useradd postgres)',
		);
	return { uid, gid };
}

/** A child process with stop(): SIGTERM, then SIGKILL after `graceMs`. */
function handle(child, name) {
	let exited = child.exitCode !== null;
	child.once('exit', () => (exited = true));
	return {
		child,
		name,
		pid: child.pid,
		get running() {
			return !exited;
		},
		stop: (graceMs = 10_000) =>
			/** @type {Promise<void>} */ (
				new Promise((resolveStop) => {
					if (exited) return resolveStop();
					const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
					child.once('exit', () => {
						clearTimeout(timer);
						resolveStop();
					});
					child.kill('SIGTERM');
				})
			),
	};
}

/**
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ timeoutMs?: number, child?: import('node:child_process').ChildProcess }} [options]
 */
async function waitFor(what, check, { timeoutMs = 60_000, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child && child.exitCode !== null)
			throw new Error(`${what}: the process exited with ${child.exitCode}`);
		if (await check().catch(() => false)) return;
		if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

/**
 * redis-server on 127.0.0.1:port, no persistence.
 * @param {string} redisServer
 * @param {number} port
 * @param {string} dir
 */
export async function startRedis(redisServer, port, dir) {
	mkdirSync(dir, { recursive: true });
	const out = openSync(join(dir, 'redis.log'), 'a');
	const child = spawn(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		{ stdio: ['ignore', out, out] },
	);
	const redisCli = which('redis-cli');
	await waitFor(
		'redis-server',
		async () =>
			redisCli
				? spawnSync(redisCli, ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
						encoding: 'utf8',
					}).stdout.trim() === 'PONG'
				: portOpen(port),
		{ child },
	);
	return handle(child, 'redis-server');
}

async function portOpen(port) {
	const { connect } = await import('node:net');
	return new Promise((resolveOpen) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolveOpen(true);
		});
		socket.once('error', () => resolveOpen(false));
	});
}

/**
 * A new cluster in `dir` (trust authentication, loopback only, fsync off: a test database) and
 * `postgres` serving it on 127.0.0.1:port; creates database `database`. As root, the folders
 * above `dir` must let the `postgres` user pass (mode 711 or wider).
 * @param {string} pgBin
 * @param {number} port
 * @param {string} dir
 * @param {string} database
 */
export async function startPostgres(pgBin, port, dir, database) {
	const user = postgresUser();
	const data = join(dir, 'pgdata');
	mkdirSync(data, { recursive: true });
	if (user.uid !== undefined)
		(chownSync(dir, user.uid, user.gid), chownSync(data, user.uid, user.gid));
	const init = spawnSync(
		join(pgBin, 'initdb'),
		['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'],
		{
			encoding: 'utf8',
			cwd: dir,
			...user,
		},
	);
	if (init.status !== 0)
		throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().slice(-1000)}`);
	const logFile = join(dir, 'postgres.log');
	const out = openSync(logFile, 'a');
	if (user.uid !== undefined) chownSync(logFile, user.uid, user.gid);
	const child = spawn(
		join(pgBin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${dir}`,
			'-c',
			'fsync=off',
			'-c',
			'max_connections=100',
			...(process.env.QUEUE_PG_LOG_STATEMENTS ? ['-c', 'log_statement=mod'] : []),
		],
		{ stdio: ['ignore', out, out], cwd: dir, ...user },
	);
	const psql = (sql) =>
		spawnSync(
			join(pgBin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-tAc', sql],
			{ encoding: 'utf8' },
		);
	await waitFor('postgres', async () => psql('select 1').stdout.trim() === '1', { child });
	const created = psql(`create database "${database}"`);
	if (created.status !== 0) throw new Error(`create database failed: ${created.stderr.trim()}`);
	const pg = handle(child, 'postgres');
	/** Runs SQL in `database`; returns the rows as arrays of strings (psql -tA, | separated). */
	pg.query = (sql) => {
		const result = spawnSync(
			join(pgBin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-tAc', sql],
			{ encoding: 'utf8' },
		);
		if (result.status !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('|'));
	};
	// postgres stops on SIGTERM after its clients are gone ("smart"); SIGINT is "fast".
	const stop = pg.stop;
	pg.stop = (graceMs = 15_000) => {
		if (pg.running) child.kill('SIGINT');
		return stop(graceMs);
	};
	return pg;
}
