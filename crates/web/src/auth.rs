//! Passwords (argon2id), session tokens and cookies, and login rate limiting.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "hyte_session";
pub const CSRF_COOKIE: &str = "hyte_csrf";
pub const LANG_COOKIE: &str = "hyte_lang";

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 hashes any input").to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()).unwrap_or(false)
}

/// A hash to verify against when the e-mail is unknown, so both cases take the same time.
pub fn dummy_hash() -> &'static str {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| hash_password("not a real password"))
}

/// A random 256-bit token, URL-safe.
pub fn new_token() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// Sessions are stored by the hash of their token, so a database leak gives no live cookie.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// The SHA-256 of `bytes`, in lower-case hex (a session token's hash, a signed document's checksum).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The CSRF token of a logged-in browser: derived from its session token, so it is bound to the
/// session and changes with it (a token taken before login, or from another session, is refused).
/// One-way: the page that embeds it reveals nothing of the session cookie.
pub fn session_csrf(session_token: &str) -> String {
    let d = Sha256::digest(format!("hyte-csrf\0{session_token}").as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(d)
}

pub fn is_token(s: &str) -> bool {
    s.len() == 43 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Equal-time comparison of two tokens.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool, http_only: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; SameSite=Lax");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// The value of cookie `name` in a `Cookie` header.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|kv| kv.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify() {
        let h = hash_password("correct horse battery");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_and_cookies() {
        let t = new_token();
        assert!(is_token(&t));
        assert_ne!(t, new_token());
        assert_eq!(token_hash("a").len(), 64);
        assert!(same_token(&t, &t.clone()));
        assert!(!same_token(&t, &new_token()));
        assert_eq!(read_cookie("a=1; hyte_lang=sv; b=2", "hyte_lang"), Some("sv"));
        assert_eq!(read_cookie("a=1", "hyte_lang"), None);
        let c = cookie(SESSION_COOKIE, "v", Some(60), true, true);
        assert!(
            c.contains("HttpOnly") && c.contains("Secure") && c.contains("SameSite=Lax") && c.contains("Max-Age=60")
        );
    }
}
