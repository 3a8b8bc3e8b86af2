// @ts-check
/**
 * Memory of the n8n process tree (n8n and any task runner it starts), from /proc: VmRSS summed
 * over the tree, sampled every `intervalMs`; the peak and the value before the job are kept.
 * VmHWM of the n8n process itself (its lifetime peak) is read at the end as a cross-check.
 */
import { readFileSync, readdirSync } from 'node:fs';

function statusOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return '';
	}
}

const kib = (status, field) =>
	Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

/** The pid and every descendant of it, from /proc/<pid>/stat (ppid is the 4th field). */
export function processTree(rootPid) {
	const children = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat;
		try {
			stat = readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue;
		}
		// comm may hold spaces and parentheses: the fields after the last ')' are fixed.
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (!children.has(ppid)) children.set(ppid, []);
		children.get(ppid).push(Number(name));
	}
	const tree = [];
	const walk = (pid) => {
		tree.push(pid);
		for (const child of children.get(pid) ?? []) walk(child);
	};
	walk(rootPid);
	return tree;
}

/** RSS of the tree in MiB. */
export function treeRssMiB(rootPid) {
	return processTree(rootPid).reduce((sum, pid) => sum + kib(statusOf(pid), 'VmRSS'), 0) / 1024;
}

export function hwmMiB(pid) {
	return kib(statusOf(pid), 'VmHWM') / 1024;
}

/** Samples the tree's RSS until stop(); stop() → { beforeMiB, peakMiB, samples }. */
export function sampleMemory(rootPid, intervalMs = 100) {
	const beforeMiB = treeRssMiB(rootPid);
	let peakMiB = beforeMiB;
	let samples = 1;
	const timer = setInterval(() => {
		const now = treeRssMiB(rootPid);
		samples++;
		if (now > peakMiB) peakMiB = now;
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			const now = treeRssMiB(rootPid);
			if (now > peakMiB) peakMiB = now;
			return { beforeMiB, peakMiB, samples: samples + 1 };
		},
	};
}
