//! Login limits: when a login attempt may have its password checked.
//!
//! Failures are counted per account (the e-mail address tried) and, separately and much higher, per
//! client address. An account with [`ACCOUNT_LIMIT`] failures in the last [`WINDOW_MINUTES`] waits
//! until they age out; other accounts are unaffected. An address past [`ADDRESS_LIMIT`] failures
//! (many accounts guessed from one place) is slowed down, never locked out: each failure over the
//! limit doubles the pause it must leave after its last failure, up to the window. So an office
//! behind one NAT, or every user behind a reverse proxy without `trust_forwarded_for`, keeps
//! logging in while one account is being guessed. Attempts refused here are not counted.

/// Failures of one account in the window after which it waits.
pub const ACCOUNT_LIMIT: i64 = 5;
/// Failures from one client address in the window after which it backs off.
pub const ADDRESS_LIMIT: i64 = 50;
/// How far back failures count, in minutes.
pub const WINDOW_MINUTES: i64 = 15;
/// Login attempts are kept this long, then deleted (they only matter within the window).
pub const KEEP_HOURS: i64 = 24;

const WINDOW_SECONDS: i64 = WINDOW_MINUTES * 60;

/// The recent failures a login attempt is judged by (attempts still being checked count as failures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Recent {
    /// Failures of this account in the window.
    pub account: i64,
    /// Seconds since the account's [`ACCOUNT_LIMIT`]-th newest failure in the window, if it has
    /// that many: when that one ages out, the account may try again.
    pub since_account_limit_reached: Option<i64>,
    /// Failures from this client address in the window (any account).
    pub address: i64,
    /// Seconds since the last failure from this address, if any in the window.
    pub since_last_address_failure: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password (and count the attempt).
    Check,
    /// Refuse without checking (`rate_limited`); try again in this many seconds (the whole
    /// remaining wait, never less: the answer's `Retry-After`).
    Wait { seconds: i64 },
}

/// The rule: may this attempt have its password checked?
pub fn verdict(r: &Recent) -> Verdict {
    if r.account >= ACCOUNT_LIMIT {
        // Until the failure that reached the limit leaves the window (whole seconds, rounded up).
        let waited = r.since_account_limit_reached.unwrap_or(0).clamp(0, WINDOW_SECONDS - 1);
        return Verdict::Wait { seconds: WINDOW_SECONDS - waited };
    }
    if r.address >= ADDRESS_LIMIT {
        let over = u32::try_from(r.address - ADDRESS_LIMIT).unwrap_or(u32::MAX).min(10);
        let pause = (1_i64 << over).min(WINDOW_SECONDS);
        let waited = r.since_last_address_failure.unwrap_or(WINDOW_SECONDS);
        if waited < pause {
            return Verdict::Wait { seconds: pause - waited };
        }
    }
    Verdict::Check
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recent(account: i64, address: i64, since: Option<i64>) -> Recent {
        let reached = (account >= ACCOUNT_LIMIT).then_some(0);
        Recent { account, since_account_limit_reached: reached, address, since_last_address_failure: since }
    }

    #[test]
    fn an_account_waits_after_its_limit() {
        assert_eq!(verdict(&recent(0, 0, None)), Verdict::Check);
        assert_eq!(verdict(&recent(ACCOUNT_LIMIT - 1, ACCOUNT_LIMIT - 1, Some(0))), Verdict::Check);
        assert_eq!(verdict(&recent(ACCOUNT_LIMIT, ACCOUNT_LIMIT, Some(0))), Verdict::Wait { seconds: 900 });
    }

    #[test]
    fn an_account_waits_for_exactly_what_is_left_of_the_window() {
        let at = |since| Recent { since_account_limit_reached: Some(since), ..recent(ACCOUNT_LIMIT, 0, None) };
        // The limit was reached 10 minutes ago: 5 minutes are left, not a whole new window.
        assert_eq!(verdict(&at(600)), Verdict::Wait { seconds: 300 });
        assert_eq!(verdict(&at(899)), Verdict::Wait { seconds: 1 });
        // Never 0 (or negative) while the account still waits, even with clocks a little apart.
        assert_eq!(verdict(&at(5_000)), Verdict::Wait { seconds: 1 });
        assert_eq!(verdict(&at(-3)), Verdict::Wait { seconds: 900 });
    }

    #[test]
    fn an_address_backs_off_but_is_never_locked_out() {
        // Failures of other accounts from the same address don't stop this account below the limit.
        assert_eq!(verdict(&recent(0, ADDRESS_LIMIT - 1, Some(0))), Verdict::Check);
        // Over it: a pause after the last failure that doubles with each failure, capped at the window.
        assert_eq!(verdict(&recent(0, ADDRESS_LIMIT, Some(0))), Verdict::Wait { seconds: 1 });
        assert_eq!(verdict(&recent(0, ADDRESS_LIMIT, Some(1))), Verdict::Check);
        assert_eq!(verdict(&recent(0, ADDRESS_LIMIT + 3, Some(5))), Verdict::Wait { seconds: 3 });
        assert_eq!(verdict(&recent(0, ADDRESS_LIMIT + 3, Some(8))), Verdict::Check);
        assert_eq!(verdict(&recent(0, 10_000, Some(0))), Verdict::Wait { seconds: 900 });
        assert_eq!(verdict(&recent(0, 10_000, Some(900))), Verdict::Check, "never locked for good");
    }
}
