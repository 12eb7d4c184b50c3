//! A small seeded fuzzer shared by the parsers' fuzz tests (`crates/domain/tests/fuzz.rs`,
//! `crates/import/tests/fuzz.rs`): inputs are real sample files mutated (bit flips, separators,
//! quotes, huge numbers, NaN, NUL, CR, long fields, truncation, duplication) or random bytes. The
//! property checked for every input: the parser does not panic, answers within a time limit and
//! stays within a memory limit; each target adds its own checks on what the parser returns.
//!
//! `HYTE_FUZZ_ITERATIONS` sets the inputs per target (CI uses the small default), and
//! `HYTE_FUZZ_SEED` the seed (fixed by default, so that a CI failure repeats). A failing input is
//! written under the test's target directory and named in the failure message.
#![allow(dead_code)]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Pieces that parsers of CSV, JSON, XML and the forms treat specially.
const TOKENS: &[&str] = &[
    ";",
    ",",
    "\"",
    "\"\"",
    "'",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\0",
    "\t",
    " ",
    "\u{a0}",
    "\u{feff}",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "-0",
    "0x10",
    "1e-400",
    "99999999999999999999999999",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "[]",
    "{}",
    "\\",
    "\\u0000",
    "\\ud800",
    "<",
    ">",
    "</",
    "/>",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "<![CDATA[",
    "<br>",
    "**",
    "*",
    "### ",
    "- ",
    "1. ",
    "ä",
    "–",
    "—",
    "€",
    "\u{200b}",
    "\u{202e}",
    "𝕏",
    "@",
    ".",
    "-",
    "/",
    "//",
    "%",
    "total",
    "female",
    "KUNTA",
    "A1:XFD1048576",
    "1048576",
    "16384",
];

/// Numbers at and beyond the edges of the types parsers read them into.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "1e-400",
    "0.0000001",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551616",
    "99999999999999999999999999999999",
    "1,5",
    "1.5e3",
    "+5",
    "٣",
];

pub struct Mutator {
    rng: StdRng,
}

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator { rng: StdRng::seed_from_u64(seed) }
    }

    pub fn rng(&mut self) -> &mut StdRng {
        &mut self.rng
    }

    /// One input: mostly a mutated seed, sometimes random bytes or a mix of tokens.
    pub fn input(&mut self, seeds: &[Vec<u8>]) -> Vec<u8> {
        match self.rng.gen_range(0..32) {
            0 => self.random_bytes(4096),
            1 => self.tokens(64),
            _ if seeds.is_empty() => self.random_bytes(4096),
            _ => {
                let seed = &seeds[self.rng.gen_range(0..seeds.len())];
                self.mutate(seed)
            }
        }
    }

    pub fn random_bytes(&mut self, max: usize) -> Vec<u8> {
        let n = self.rng.gen_range(0..=max);
        (0..n).map(|_| self.rng.gen()).collect()
    }

    fn tokens(&mut self, max: usize) -> Vec<u8> {
        let n = self.rng.gen_range(0..=max);
        (0..n).flat_map(|_| self.token().as_bytes().to_vec()).collect()
    }

    fn token(&mut self) -> &'static str {
        TOKENS[self.rng.gen_range(0..TOKENS.len())]
    }

    /// `seed` with 1 to 8 mutations (more often few).
    pub fn mutate(&mut self, seed: &[u8]) -> Vec<u8> {
        let mut v = seed.to_vec();
        let n = 1 + self.rng.gen_range(0..4) * self.rng.gen_range(0..3);
        for _ in 0..n {
            self.mutate_once(&mut v);
        }
        v
    }

    fn pos(&mut self, v: &[u8]) -> usize {
        self.rng.gen_range(0..=v.len())
    }

    fn mutate_once(&mut self, v: &mut Vec<u8>) {
        let at = self.pos(v);
        match self.rng.gen_range(0..14) {
            // A flipped bit or a random byte.
            0 if at < v.len() => v[at] ^= 1 << self.rng.gen_range(0..8),
            1 if at < v.len() => v[at] = self.rng.gen(),
            // A token, e.g. a separator, a quote, a huge number or NaN.
            2..=4 => {
                let t = self.token().as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            // A token in place of a field: the bytes up to the next separator.
            5 => {
                let end = (at..v.len()).find(|&i| b";,\n\":<>".contains(&v[i])).unwrap_or(v.len());
                let t = self.token().as_bytes();
                v.splice(at..end, t.iter().copied());
            }
            // A very long field.
            6 => {
                let len = [100, 301, 4_096, 70_000][self.rng.gen_range(0..4)];
                let t = self.token().as_bytes();
                let fill: Vec<u8> = if self.rng.gen() { t.repeat(len / t.len().max(1) + 1) } else { vec![b'x'; len] };
                v.splice(at..at, fill);
            }
            // Bytes removed, or the input cut short.
            7 => {
                let end = (at + self.rng.gen_range(1..64)).min(v.len());
                v.drain(at..end);
            }
            8 => v.truncate(at),
            // A stretch duplicated (e.g. a row or an object repeated) somewhere.
            9 | 10 if !v.is_empty() => {
                let start = self.rng.gen_range(0..v.len());
                let end = (start + self.rng.gen_range(1..512)).min(v.len());
                let piece = v[start..end].repeat(self.rng.gen_range(1..4));
                let at = self.pos(v);
                v.splice(at..at, piece);
            }
            // A number (the digits around a random place) replaced by an extreme one.
            11 | 12 => {
                let digit = |b: &u8| b.is_ascii_digit() || *b == b'-' || *b == b'.';
                let Some(mid) = (at..v.len()).chain(0..at).find(|&i| digit(&v[i])) else { return };
                let start = (0..mid).rev().take_while(|&i| digit(&v[i])).last().unwrap_or(mid);
                let end = (mid..v.len()).find(|&i| !digit(&v[i])).unwrap_or(v.len());
                let n = NUMBERS[self.rng.gen_range(0..NUMBERS.len())].as_bytes();
                v.splice(start..end, n.iter().copied());
            }
            // Random bytes.
            _ => {
                let bytes = self.random_bytes(16);
                v.splice(at..at, bytes);
            }
        }
    }
}

/// What a fuzz run did.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub inputs: u64,
    pub accepted: u64,
    pub elapsed: Duration,
    pub slowest: Duration,
    pub peak_mib: u64,
}

/// Inputs per target: `HYTE_FUZZ_ITERATIONS`, else `default`.
pub fn iterations(default: u64) -> u64 {
    std::env::var("HYTE_FUZZ_ITERATIONS").ok().and_then(|s| s.trim().replace('_', "").parse().ok()).unwrap_or(default)
}

/// The seed: `HYTE_FUZZ_SEED`, else 16 (issue 16), mixed with the target's name.
pub fn seed(name: &str) -> u64 {
    let base = std::env::var("HYTE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(16u64);
    name.bytes().fold(base ^ 0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The process's peak resident memory since the last reset, in MiB (Linux; 0 elsewhere).
pub fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|n| n.parse::<u64>().ok()).unwrap_or(0) / 1024
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The limits every input must stay within.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Time for one input (generous: debug builds and a busy CI machine).
    pub time: Duration,
    /// Peak resident memory of the whole test process, checked every 64 inputs.
    pub memory_mib: u64,
    /// Time with no answer after which the parser is taken to hang.
    pub hang: Duration,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds { time: Duration::from_secs(5), memory_mib: 1024, hang: Duration::from_secs(60) }
    }
}

fn save(name: &str, i: u64, input: &[u8]) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}-{}-{i}.bin", seed(name)));
    let _ = std::fs::write(&path, input);
    path.display().to_string()
}

thread_local! {
    /// The last panic's message and place on this thread (the hook below keeps it quiet, since
    /// parsers may catch a library's panic and refuse the input).
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string());
        let msg = msg.or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{msg} at {at}"));
    }));
}

/// Runs `target` on `iterations(default)` inputs made from `seeds` by `make`, on a thread of its
/// own watched for hangs. `target` returns whether the parser accepted the input, and panics (an
/// assertion) when an answer breaks the target's property. Fails naming the saved input.
pub fn run<F, M>(name: &'static str, default: u64, seeds: Vec<Vec<u8>>, bounds: Bounds, make: M, target: F) -> Stats
where
    F: Fn(&[u8]) -> bool + Send + 'static,
    M: Fn(&mut Mutator, &[Vec<u8>]) -> Vec<u8> + Send + 'static,
{
    let n = iterations(default);
    let current: Arc<Mutex<(u64, Instant, Vec<u8>)>> = Arc::new(Mutex::new((0, Instant::now(), vec![])));
    let shared = Arc::clone(&current);
    quiet_panics();
    let worker = std::thread::spawn(move || -> Result<Stats, String> {
        let mut m = Mutator::new(seed(name));
        let mut stats = Stats::default();
        let started = Instant::now();
        reset_peak();
        for i in 0..n {
            let input = make(&mut m, &seeds);
            if let Ok(mut c) = shared.lock() {
                *c = (i, Instant::now(), input.clone());
            }
            let t = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| target(&input)));
            let took = t.elapsed();
            stats.inputs += 1;
            match result {
                Ok(accepted) => stats.accepted += u64::from(accepted),
                Err(_) => {
                    let what = LAST_PANIC.with(|p| p.borrow().clone());
                    return Err(format!("{name}: input {i} panicked ({what}): {}", save(name, i, &input)));
                }
            }
            stats.slowest = stats.slowest.max(took);
            if took > bounds.time {
                return Err(format!("{name}: input {i} took {took:?}: {}", save(name, i, &input)));
            }
            if i % 64 == 63 {
                let peak = peak_mib();
                stats.peak_mib = stats.peak_mib.max(peak);
                if peak > bounds.memory_mib {
                    return Err(format!("{name}: {peak} MiB by input {i}: {}", save(name, i, &input)));
                }
                reset_peak();
            }
        }
        stats.elapsed = started.elapsed();
        stats.peak_mib = stats.peak_mib.max(peak_mib());
        Ok(stats)
    });
    loop {
        if worker.is_finished() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        let hung = current.lock().ok().filter(|c| c.1.elapsed() > bounds.hang).map(|c| (c.0, c.2.clone()));
        if let Some((i, input)) = hung {
            panic!("{name}: input {i} did not finish in {:?}: {}", bounds.hang, save(name, i, &input));
        }
    }
    let stats = match worker.join() {
        Ok(Ok(stats)) => stats,
        Ok(Err(failure)) => panic!("{failure}"),
        Err(_) => panic!("{name}: the fuzz harness panicked"),
    };
    println!(
        "fuzz {name}: {} inputs ({} accepted, {} refused) in {:.2?}, slowest {:.2?}, peak {} MiB",
        stats.inputs,
        stats.accepted,
        stats.inputs - stats.accepted,
        stats.elapsed,
        stats.slowest,
        stats.peak_mib
    );
    stats
}

/// Text from bytes the way a web form or upload would give it (invalid UTF-8 replaced).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
