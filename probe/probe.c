/*
 * nonroot-guard probe.
 *
 * A static binary that nonroot-guard runs inside the image under test (one
 * `docker run --rm`, entrypoint replaced by this file, bind-mounted read-only)
 * and that prints exactly one JSON document on stdout: the shape is
 * src/probe/schema.ts. The image is untrusted (it comes from a pull request),
 * so everything read from it is treated as hostile: no symlink is followed
 * while walking, no non-regular file is ever opened, no existing file is ever
 * opened for writing, and every list, loop and string is bounded.
 *
 * It needs nothing from the image: no shell, no libc, no NSS.
 *
 * Phase 1 runs as root (the tool starts the container with --user 0:0 on
 * purpose) so that the filesystem walk sees everything, e.g. a setuid file in
 * a 0700 /root. Phase 2 then becomes the image's configured user the way the
 * engine does at container start (see "Becoming the user" below), irrevocably,
 * and measures everything user-specific as that user.
 *
 * Exit status: 0 when the JSON was printed (also when the user could not be
 * resolved: that is reported in `userError`), 2 for bad arguments, 1 when
 * the output could not be produced (out of memory, stdout closed).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#define PROBE_VERSION 1

/* ------------------------------------------------------------------ limits */

/*
 * Everything the image controls is bounded. The first group can be lowered
 * with -D to exercise the limits in tests (see probe/README.md).
 */
#ifndef MAX_PATH_BYTES
#define MAX_PATH_BYTES 4095 /* PATH_MAX without the NUL; also the schema's max(4096) */
#endif
#ifndef MAX_DEPTH
#define MAX_DEPTH 2048 /* directory nesting below /: a PATH_MAX-deep tree ("/a" x 2047) fits */
#endif
#ifndef MAX_ENTRIES
#define MAX_ENTRIES 2000000ULL /* directory entries the walk looks at */
#endif
#ifndef WALK_TIME_LIMIT_MS
#define WALK_TIME_LIMIT_MS 20000 /* phase 1 walk */
#endif
#ifndef WRITABLE_TIME_LIMIT_MS
#define WRITABLE_TIME_LIMIT_MS 10000 /* phase 2 writable-directory check */
#endif
#ifndef MAX_CREATE_TESTS
#define MAX_CREATE_TESTS 2000 /* writable dirs confirmed by creating a file; the rest by access() */
#endif
#ifndef MAX_DIRS
#define MAX_DIRS 2000000u /* directories remembered for phase 2 */
#endif
#ifndef MAX_DIR_NAMES
#define MAX_DIR_NAMES (64u << 20) /* bytes of their names */
#endif
#ifndef LIST_MAX_WRITABLE
#define LIST_MAX_WRITABLE 1000
#endif
#ifndef LIST_MAX_SETID
#define LIST_MAX_SETID 500
#endif
#ifndef LIST_MAX_UNSCANNED
#define LIST_MAX_UNSCANNED 500
#endif

#define LIST_MAX_CAPS 500
#define LIST_MAX_JSON_BYTES (1u << 20) /* per list: keeps the document far below 8 MiB */
#define MAX_ARG_BYTES 4095             /* --workdir, --exec, --skip, --port */
#define MAX_USER_ARG_BYTES 65535       /* --user comes from an untrusted image config */
#define MAX_ID_FILE (64u << 20)        /* /etc/passwd, /etc/group */
/* --account-files prints them up to this size each: escaped (at most 6 bytes
 * per byte) both stay far below the caller's 16 MiB output limit. */
#define MAX_ID_FILE_SHOWN (256u << 10)
#define GO_MAX_TOKEN 65536             /* bufio.MaxScanTokenSize: /etc/passwd lines fail at this length */
#define GROUP_MAX_TOKEN (1u << 20)     /* moby/sys/user v0.4.1 reads /etc/group lines up to 1 MiB */
#define MAX_TOOLS 256
#define MAX_PORTS 256
#define MAX_SKIPS 64
#define MAX_VOLUMES 16 /* --volume: the image's VOLUMEs whose writability is measured */
#define MAX_PATH_DIRS 64            /* $PATH entries considered */
#define MAX_NAME_BYTES 256          /* identity.name */
#define MAX_USER_ERROR_BYTES 1000   /* userError */
#define NGROUPS_LIMIT 65536         /* the kernel's NGROUPS_MAX */
#define ID_MAX 2147483647LL         /* libcontainer's maxID */
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* ---------------------------------------------------------------- helpers */

static void out_of_memory(void)
{
	static const char msg[] = "probe: out of memory\n";
	ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)r;
	_exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Grow an array of `size`-byte elements so that it holds at least `need`. */
static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			out_of_memory();
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * size);
}

/* A growable, always NUL-terminated byte buffer. */
struct buf {
	char *p;
	size_t len, cap;
};

static void buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX / 4 - b->len)
		out_of_memory();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static void buf_add(struct buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s) { buf_add(b, s, strlen(s)); }
static void buf_addc(struct buf *b, char c) { buf_add(b, &c, 1); }

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* A byte string that is not NUL-terminated (a slice of a file or argument). */
struct span {
	const char *p;
	size_t n;
};

static bool span_eq(struct span a, struct span b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static struct span span_c(const char *s) { return (struct span){s, strlen(s)}; }

static uint64_t now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* errno as its symbolic name, the way the schema's `error` fields want it. */
static const char *errno_name(int e)
{
	switch (e) {
#define E(x) \
	case x:  \
		return #x;
		E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC)
		E(EBADF) E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(EBUSY)
		E(EEXIST) E(EXDEV) E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE)
		E(EMFILE) E(ENOTTY) E(ETXTBSY) E(EFBIG) E(ENOSPC) E(ESPIPE) E(EROFS)
		E(EMLINK) E(EPIPE) E(ERANGE) E(EDEADLK) E(ENAMETOOLONG) E(ENOLCK)
		E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENODATA) E(EOVERFLOW) E(EILSEQ)
		E(ENOTSOCK) E(EPROTOTYPE) E(ENOPROTOOPT) E(EPROTONOSUPPORT)
		E(ESOCKTNOSUPPORT) E(EOPNOTSUPP) E(EPFNOSUPPORT) E(EAFNOSUPPORT)
		E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN) E(ENETUNREACH) E(ESTALE)
		E(EDQUOT) E(ECANCELED) E(EUCLEAN) E(ENOMEDIUM) E(EREMOTEIO)
#undef E
	}
	static char unknown[32];
	snprintf(unknown, sizeof unknown, "errno %d", e);
	return unknown;
}

/* errno as Go prints it (runc's messages are Go errors). */
static const char *go_errstr(int e)
{
	switch (e) {
	case EPERM: return "operation not permitted";
	case EINVAL: return "invalid argument";
	case ENOMEM: return "cannot allocate memory";
	case EFAULT: return "bad address";
	case EAGAIN: return "resource temporarily unavailable";
	default: return errno_name(e);
	}
}

/* ------------------------------------------------------------ JSON output */

/*
 * Append s[0..n) as a JSON string literal.
 *
 * File names are arbitrary bytes. Valid UTF-8 passes through; every invalid
 * sequence (stray continuation bytes, overlongs, surrogates, code points above
 * U+10FFFF, truncated sequences) becomes U+FFFD following the "maximal
 * subpart" rule of the WHATWG decoder (which is what Node's TextDecoder and
 * Buffer#toString do), so the TypeScript side can reproduce it byte for byte.
 * `"` and `\` are escaped, control characters (< 0x20 and DEL) become \u00XX
 * or the short escapes.
 */
static void json_string(struct buf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	buf_reserve(b, n + 2);
	buf_addc(b, '"');
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': buf_add(b, "\\\"", 2); break;
			case '\\': buf_add(b, "\\\\", 2); break;
			case '\b': buf_add(b, "\\b", 2); break;
			case '\f': buf_add(b, "\\f", 2); break;
			case '\n': buf_add(b, "\\n", 2); break;
			case '\r': buf_add(b, "\\r", 2); break;
			case '\t': buf_add(b, "\\t", 2); break;
			default:
				if (c < 0x20 || c == 0x7f) {
					char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
					buf_add(b, esc, 6);
				} else {
					buf_addc(b, (char)c);
				}
			}
			i++;
			continue;
		}
		/* Lead byte: how many continuation bytes, and the allowed range of
		 * the first one (this is what excludes overlongs and surrogates). */
		size_t need;
		unsigned lo = 0x80, hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else {
			buf_add(b, "\xef\xbf\xbd", 3);
			i++;
			continue;
		}
		size_t j = i + 1, got = 0;
		while (got < need && j < n && s[j] >= lo && s[j] <= hi) {
			lo = 0x80;
			hi = 0xbf;
			j++;
			got++;
		}
		if (got == need)
			buf_add(b, s + i, need + 1);
		else
			buf_add(b, "\xef\xbf\xbd", 3);
		i = j;
	}
	buf_addc(b, '"');
}

/* A minimal streaming writer that places the commas. */
static struct buf json_out;
static bool j_first[32];
static int j_depth;
static bool j_after_key;

static void j_sep(void)
{
	if (j_after_key) {
		j_after_key = false;
		return;
	}
	if (j_depth > 0) {
		if (!j_first[j_depth])
			buf_addc(&json_out, ',');
		j_first[j_depth] = false;
	}
}

static void j_open(char c)
{
	j_sep();
	buf_addc(&json_out, c);
	if (j_depth + 1 < (int)(sizeof j_first / sizeof j_first[0]))
		j_first[++j_depth] = true;
}

static void j_close(char c)
{
	buf_addc(&json_out, c);
	j_depth--;
}

static void j_key(const char *k)
{
	j_sep();
	json_string(&json_out, k, strlen(k));
	buf_addc(&json_out, ':');
	j_after_key = true;
}

static void j_str(const char *s, size_t n)
{
	j_sep();
	json_string(&json_out, s, n);
}

static void j_null(void)
{
	j_sep();
	buf_adds(&json_out, "null");
}

static void j_cstr(const char *s)
{
	if (s)
		j_str(s, strlen(s));
	else
		j_null();
}

static void j_bool(bool v)
{
	j_sep();
	buf_adds(&json_out, v ? "true" : "false");
}

static void j_u64(uint64_t v)
{
	j_sep();
	buf_printf(&json_out, "%llu", (unsigned long long)v);
}

static void j_i64(int64_t v)
{
	j_sep();
	buf_printf(&json_out, "%lld", (long long)v);
}

/* Longest prefix of s[0..n) that is at most `max` bytes and does not cut a
 * UTF-8 sequence (so a truncated string does not end in U+FFFD). */
static size_t utf8_prefix(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	/* s[max] is the first byte left out: if it continues a sequence, cut
	 * before that sequence's lead byte instead (at most 3 bytes back). */
	size_t k = max;
	for (int i = 0; i < 3 && k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80; i++)
		k--;
	return k;
}

/* ----------------------------------------- Go-compatible text primitives */
/*
 * The engine resolves users with Go code (moby + runc's libcontainer/user),
 * so the details of Go's strconv.Atoi, bytes.TrimSpace and bufio.Scanner are
 * part of the semantics and are reproduced here.
 */

enum { GO_OK = 0, GO_SYNTAX = 1, GO_RANGE = 2 };

/*
 * strconv.Atoi on a 64-bit platform: an optional single sign, then base-10
 * digits only (no spaces, no underscores). On a syntax error the value is 0;
 * on overflow it is clamped to the int64 limit, which matters because
 * libcontainer ignores the error and keeps the value.
 */
static int go_atoi(const char *s, size_t n, int64_t *out)
{
	*out = 0;
	if (n == 0)
		return GO_SYNTAX;
	size_t i = 0;
	bool neg = false;
	if (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		return GO_SYNTAX;
	const uint64_t cutoff = UINT64_MAX / 10 + 1;
	uint64_t v = 0;
	for (; i < n; i++) {
		unsigned d = (unsigned)(unsigned char)s[i] - '0';
		if (d > 9)
			return GO_SYNTAX;
		/* Go's ParseUint reports overflow as soon as it happens, before
		 * looking at the remaining characters. */
		if (v >= cutoff || v * 10 + d < v * 10) {
			*out = neg ? INT64_MIN : INT64_MAX;
			return GO_RANGE;
		}
		v = v * 10 + d;
	}
	if (!neg && v >= (1ULL << 63)) {
		*out = INT64_MAX;
		return GO_RANGE;
	}
	if (neg && v > (1ULL << 63)) {
		*out = INT64_MIN;
		return GO_RANGE;
	}
	*out = neg ? (v == (1ULL << 63) ? INT64_MIN : -(int64_t)v) : (int64_t)v;
	return GO_OK;
}

/* utf8.DecodeRune: invalid input decodes as U+FFFD of width 1. */
static uint32_t go_decode_rune(const unsigned char *s, size_t n, size_t *w)
{
	*w = 1;
	if (n == 0) {
		*w = 0;
		return 0xfffd;
	}
	unsigned c = s[0];
	if (c < 0x80)
		return c;
	size_t need;
	unsigned lo = 0x80, hi = 0xbf;
	uint32_t r;
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		r = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		r = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		r = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0xfffd;
	}
	if (n < need + 1)
		return 0xfffd;
	for (size_t k = 1; k <= need; k++) {
		if (s[k] < lo || s[k] > hi)
			return 0xfffd;
		lo = 0x80;
		hi = 0xbf;
		r = (r << 6) | (s[k] & 0x3f);
	}
	*w = need + 1;
	return r;
}

/* utf8.DecodeLastRune. */
static uint32_t go_decode_last_rune(const unsigned char *s, size_t n, size_t *w)
{
	if (n == 0) {
		*w = 0;
		return 0xfffd;
	}
	size_t end = n, start = n - 1;
	if (s[start] < 0x80) {
		*w = 1;
		return s[start];
	}
	/* Back to the nearest rune start within the last 4 bytes (UTFMax). */
	size_t lim = end >= 4 ? end - 4 : 0;
	while (start > lim && (s[start] & 0xc0) == 0x80)
		start--;
	size_t width;
	uint32_t r = go_decode_rune(s + start, end - start, &width);
	if (start + width != end) {
		*w = 1;
		return 0xfffd;
	}
	*w = width;
	return r;
}

/* unicode.IsSpace. Note: not the same set as JavaScript's trim(): Go has
 * U+0085 (NEL) and lacks U+FEFF. */
static bool go_is_space(uint32_t r)
{
	switch (r) {
	case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return true;
	default:
		return r >= 0x2000 && r <= 0x200a;
	}
}

/* bytes.TrimSpace. */
static struct span go_trim_space(struct span s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t start = 0, end = s.n, w;
	while (start < end && go_is_space(go_decode_rune(p + start, end - start, &w)))
		start += w;
	while (end > start && go_is_space(go_decode_last_rune(p + start, end - start, &w)))
		end -= w;
	return (struct span){s.p + start, end - start};
}

/* bytes.Split(line, ":"), keeping at most `max` fields (libcontainer's
 * parseLine ignores the rest). */
static size_t split_fields(struct span s, struct span *f, size_t max)
{
	size_t n = 0;
	const char *p = s.p, *end = s.p + s.n;
	while (n < max) {
		const char *c = p < end ? memchr(p, ':', (size_t)(end - p)) : NULL;
		if (!c) {
			f[n++] = (struct span){p, (size_t)(end - p)};
			break;
		}
		f[n++] = (struct span){p, (size_t)(c - p)};
		p = c + 1;
	}
	return n;
}

/* ----------------------------------------------------- /etc/passwd, group */

/*
 * ID_MOUNTED: the path resolves into a mount of this container (/proc, /sys,
 * /dev, /etc/hosts, a volume, ...). The engine resolves it on the image's own
 * files before any mount exists, so it reads a file this container cannot
 * see. ID_ESCAPES: a symlink on the way climbs above "/".
 */
enum id_status { ID_OK, ID_MISSING, ID_UNREADABLE, ID_NOT_REGULAR, ID_TOO_LARGE, ID_MOUNTED, ID_ESCAPES };
static const char *const id_status_names[] = {"ok", "missing", "unreadable", "not-regular", "too-large", "mounted", "escapes"};

struct idfile {
	char *data;
	size_t len;
	enum id_status status;
	size_t longest; /* its longest line in bytes, without the '\n' (bufio.Scanner has a limit) */
	char *resolved; /* where the path led: the file, or the mount it entered (NULL: nowhere) */
};

/* ------------------------------------------- mounts of this container */

static char **mounts; /* mount points other than "/", from /proc/self/mountinfo */
static size_t nmounts, cap_mounts;
static bool mounts_known;

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static char *unescape_mount_point(const char *s, size_t n)
{
	char *out = xrealloc(NULL, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '3' &&
		    s[i + 2] >= '0' && s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
			out[o++] = (char)(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0'));
			i += 3;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

static void load_mounts(void)
{
	int fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return;
	struct buf b = {0};
	char chunk[8192];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			free(b.p);
			return;
		}
		if (r == 0)
			break;
		if (b.len + (size_t)r > (16u << 20)) { /* far beyond any container's mounts */
			close(fd);
			free(b.p);
			return;
		}
		buf_add(&b, chunk, (size_t)r);
	}
	close(fd);
	const char *p = b.p, *end = b.p + b.len;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		/* "ID PARENT MAJ:MIN ROOT MOUNTPOINT ...": the fifth field. */
		const char *f = p;
		for (int field = 0; field < 4 && f < e; field++) {
			const char *sp = memchr(f, ' ', (size_t)(e - f));
			f = sp ? sp + 1 : e;
		}
		const char *sp = f < e ? memchr(f, ' ', (size_t)(e - f)) : NULL;
		if (f < e && sp) {
			char *point = unescape_mount_point(f, (size_t)(sp - f));
			if (strcmp(point, "/") != 0) {
				mounts = grow(mounts, &cap_mounts, nmounts + 1, sizeof *mounts);
				mounts[nmounts++] = point;
			} else {
				free(point);
			}
		}
		p = nl ? nl + 1 : end;
	}
	free(b.p);
	mounts_known = true;
}

static bool is_mount_point(const char *path)
{
	for (size_t i = 0; i < nmounts; i++)
		if (strcmp(path, mounts[i]) == 0)
			return true;
	return false;
}

#define MAX_SYMLINKS 40 /* the kernel's limit before ELOOP */

/* An absolute path of the image as a path relative to the image's root fd. */
static const char *under_root(const char *path) { return path[1] ? path + 1 : "."; }

/*
 * Resolve an absolute path the way the engine does on the image's root
 * (moby's FollowSymlinkInScope): component by component, every symlink
 * followed, never above "/". `rootfd` is the image's root: "/" in the
 * container, a test tree on the host. It stops with ID_MOUNTED as soon as
 * the path reaches a mount point of this container, since from there on
 * this container sees other files than the engine. `resolved` gets where it
 * led, as a path of the image.
 */
static enum id_status resolve_in_image(int rootfd, const char *path, char resolved[MAX_PATH_BYTES + 1])
{
	char rest[2 * (MAX_PATH_BYTES + 1)];
	char target[MAX_PATH_BYTES + 1];
	unsigned links = 0;
	size_t rlen = 1;
	strcpy(resolved, "/");
	if (!mounts_known || strlen(path) > MAX_PATH_BYTES)
		return ID_UNREADABLE;
	strcpy(rest, path);
	char *p = rest;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return ID_OK;
		char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		char *component = p;
		p += n;
		if (n == 1 && component[0] == '.')
			continue;
		if (n == 2 && component[0] == '.' && component[1] == '.') {
			if (rlen == 1)
				return ID_ESCAPES;
			char *last = strrchr(resolved, '/');
			rlen = last == resolved ? 1 : (size_t)(last - resolved);
			resolved[rlen] = '\0';
			continue;
		}
		if (rlen + 1 + n > MAX_PATH_BYTES)
			return ID_UNREADABLE;
		if (rlen > 1)
			resolved[rlen++] = '/';
		memcpy(resolved + rlen, component, n);
		rlen += n;
		resolved[rlen] = '\0';
		if (is_mount_point(resolved))
			return ID_MOUNTED;
		struct stat st;
		if (fstatat(rootfd, under_root(resolved), &st, AT_SYMLINK_NOFOLLOW) != 0)
			return (errno == ENOENT || errno == ENOTDIR) ? ID_MISSING : ID_UNREADABLE;
		if (!S_ISLNK(st.st_mode))
			continue;
		if (++links > MAX_SYMLINKS)
			return ID_UNREADABLE;
		ssize_t t = readlinkat(rootfd, under_root(resolved), target, sizeof target - 1);
		if (t <= 0)
			return ID_UNREADABLE;
		target[t] = '\0';
		/* What is left becomes target + "/" + the rest. */
		size_t left = strlen(p);
		if ((size_t)t + 1 + left >= sizeof rest)
			return ID_UNREADABLE;
		memmove(rest + t + 1, p, left + 1);
		memcpy(rest, target, (size_t)t);
		rest[t] = '/';
		p = rest;
		/* The link itself is replaced by its target. */
		if (target[0] == '/') {
			rlen = 1;
		} else {
			char *last = strrchr(resolved, '/');
			rlen = last == resolved ? 1 : (size_t)(last - resolved);
		}
		resolved[rlen] = '\0';
	}
}

/*
 * Read /etc/passwd or /etc/group ourselves, as the engine does (no NSS).
 * Symlinks are followed (we are inside the container's root, as runc is), but
 * only a regular file of at most 64 MiB is ever opened; anything else is
 * reported and treated as absent.
 */
/* bufio.Scanner fails on a line as long as its buffer (without the '\n'),
 * and the engine then fails the whole lookup: the longest line decides. */
static size_t longest_line(const char *data, size_t len)
{
	size_t longest = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if ((size_t)(e - p) > longest)
			longest = (size_t)(e - p);
		p = nl ? nl + 1 : end;
	}
	return longest;
}

static void idfile_load(int rootfd, const char *path, struct idfile *f)
{
	memset(f, 0, sizeof *f);
	char resolved[MAX_PATH_BYTES + 1];
	f->status = resolve_in_image(rootfd, path, resolved);
	f->resolved = xstrndup(resolved, strlen(resolved));
	if (f->status != ID_OK)
		return;
	/* No symlink left on the way: nothing below is followed. */
	path = under_root(f->resolved);
	struct stat st;
	if (fstatat(rootfd, path, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		f->status = (errno == ENOENT || errno == ENOTDIR) ? ID_MISSING : ID_UNREADABLE;
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		f->status = ID_NOT_REGULAR;
		return;
	}
	if (st.st_size > (off_t)MAX_ID_FILE) {
		f->status = ID_TOO_LARGE;
		return;
	}
	/* O_NONBLOCK: should the file be swapped for a FIFO after stat(), the
	 * open does not hang; the fstat below then refuses it. */
	int fd = openat(rootfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
	if (fd < 0) {
		f->status = ID_UNREADABLE;
		return;
	}
	if (fstat(fd, &st) != 0) {
		f->status = ID_UNREADABLE;
		close(fd);
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		f->status = ID_NOT_REGULAR;
		close(fd);
		return;
	}
	/* Read until EOF but never more than the limit + 1 byte (the file may
	 * have grown since fstat). */
	size_t cap = (size_t)st.st_size < MAX_ID_FILE ? (size_t)st.st_size + 1 : (size_t)MAX_ID_FILE + 1;
	size_t len = 0;
	char *data = xrealloc(NULL, cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > MAX_ID_FILE)
				break;
			cap = cap * 2 > (size_t)MAX_ID_FILE + 1 ? (size_t)MAX_ID_FILE + 1 : cap * 2;
			data = xrealloc(data, cap + 1);
		}
		ssize_t r = read(fd, data + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(data);
			close(fd);
			f->status = ID_UNREADABLE;
			return;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (len > MAX_ID_FILE) {
		free(data);
		f->status = ID_TOO_LARGE;
		return;
	}
	data[len] = '\0';
	f->data = data;
	f->len = len;
	f->status = ID_OK;
	f->longest = longest_line(data, len);
}

/* /etc/passwd and /etc/group of the image whose root is `rootfd`. */
static void load_accounts(int rootfd, struct idfile *pw, struct idfile *gr)
{
	idfile_load(rootfd, "/etc/passwd", pw);
	idfile_load(rootfd, "/etc/group", gr);
}

/* Lines as moby/sys/user sees them: bufio.ScanLines (split on '\n', drop
 * one trailing '\r'), then bytes.TrimSpace, blank lines skipped, and in
 * /etc/group (only) lines that start with '#'. */
struct lineit {
	const char *p, *end;
	bool comments;
};

static struct lineit lines_of(const struct idfile *f, bool comments)
{
	if (f->status != ID_OK)
		return (struct lineit){NULL, NULL, false};
	return (struct lineit){f->data, f->data + f->len, comments};
}

static bool next_line(struct lineit *it, struct span *line)
{
	while (it->p && it->p < it->end) {
		const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
		const char *e = nl ? nl : it->end;
		struct span l = {it->p, (size_t)(e - it->p)};
		it->p = nl ? nl + 1 : it->end;
		if (l.n > 0 && l.p[l.n - 1] == '\r')
			l.n--;
		l = go_trim_space(l);
		if (l.n == 0 || (it->comments && l.p[0] == '#'))
			continue;
		*line = l;
		return true;
	}
	return false;
}

/* name:password:UID:GID:GECOS:directory:shell; missing fields read as empty
 * or 0, unparsable numbers as 0 (or clamped), as libcontainer does. */
struct pwent {
	struct span name, home;
	int64_t uid, gid;
};

static void parse_pwent(struct span line, struct pwent *e)
{
	struct span f[7];
	size_t n = split_fields(line, f, 7);
	memset(e, 0, sizeof *e);
	e->name = f[0];
	if (n > 2)
		go_atoi(f[2].p, f[2].n, &e->uid);
	if (n > 3)
		go_atoi(f[3].p, f[3].n, &e->gid);
	if (n > 5)
		e->home = f[5];
}

/* name:password:GID:user1,user2 */
struct grent {
	struct span name, list;
	int64_t gid;
};

static void parse_grent(struct span line, struct grent *e)
{
	struct span f[4];
	size_t n = split_fields(line, f, 4);
	memset(e, 0, sizeof *e);
	e->name = f[0];
	if (n > 2)
		go_atoi(f[2].p, f[2].n, &e->gid);
	if (n > 3)
		e->list = f[3];
}

static bool list_has(struct span list, struct span name)
{
	const char *p = list.p, *end = list.p + list.n;
	if (list.n == 0)
		return false; /* strings.Split is not even called on an empty field */
	for (;;) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		struct span m = {p, (size_t)((c ? c : end) - p)};
		if (span_eq(m, name))
			return true;
		if (!c)
			return false;
		p = c + 1;
	}
}

/* ------------------------------------------------------ becoming the user */
/*
 * What a current engine does with the image's Config.User (the check follows
 * it; src/facts/exec-user.ts computes the same, and what older engines do):
 *
 * 1. moby (daemon/oci_linux.go getUser) calls moby/sys/user v0.4.1
 *    GetExecUser(User, nil, passwd, group) on the image's files:
 *    - split on ':': user part, group part (anything after a second ':' is
 *      ignored);
 *    - each part is a number when strconv.Atoi accepts it; a number beyond
 *      int64 or outside 0..2147483647 is refused at once ("uids and gids
 *      must be in range"), it is never looked up as a name. Otherwise the
 *      part is a name. An empty user part means uid 0;
 *    - the first passwd entry with that uid (or name) gives uid, gid and
 *      name; a name without entry is an error, a uid without entry keeps
 *      gid 0;
 *    - an explicit group part replaces the gid: the first group entry with
 *      that gid or name; a name without entry is an error;
 *    - without a group part, and only then, supplementary groups are the
 *      gids of every group entry whose member list has the user's name.
 *    /etc/passwd lines stop at 64 KiB, /etc/group lines at 1 MiB: a longer
 *    one fails the lookup. Entry numbers are Atoi's, errors ignored.
 * 2. moby converts uid and gid to uint32 (a passwd uid of 4294967296 is 0)
 *    and passes AdditionalGids = [gid] + supplementary gids.
 * 3. runc 1.3 and later call setgroups(AdditionalGids) (skipped when
 *    /proc/self/setgroups says "deny"), setgid(gid), setuid(uid). Without
 *    SECBIT_KEEP_CAPS the kernel clears the effective and permitted sets for
 *    a non-zero uid, which is also what moby asks for a non-root user.
 *
 * moby/sys/user v0.4.0 and earlier looked an out-of-range number up as a
 * name and read group lines of any length; runc 1.2 and earlier looked
 * uid:gid up again and resolved each additional gid by group *name* first.
 * The report notes where those engines differ; the probe does as current
 * ones do. HOME is the home of the first passwd entry with the final uid,
 * else "/" (runc 1.1's rule; verified on Docker 20.10).
 */

static const char ERR_RANGE_MSG[] = "uids and gids must be in range 0-2147483647";
static const char ERR_TOO_LONG[] = "bufio.Scanner: token too long";

struct execuser {
	int64_t uid, gid;
	bool matched;     /* a passwd entry matched */
	struct span name; /* its name (may be empty) */
	uint32_t *sgids;  /* supplementary gids, as uint32 (moby's conversion) */
	size_t nsgids, cap_sgids;
	bool too_many_sgids; /* more than the kernel accepts: not all stored */
};

/* Append "%s" of a span to an error message. */
static void buf_span(struct buf *b, struct span s) { buf_add(b, s.p, s.n); }

/* moby/sys/user v0.4.1 parseNumeric: a number within 0..maxID, a name, or
 * an error (false) for a number the runtime refuses. */
static bool parse_numeric(struct span s, bool *numeric, int64_t *value)
{
	*numeric = false;
	*value = 0;
	if (s.n == 0)
		return true;
	int r = go_atoi(s.p, s.n, value);
	if (r == GO_SYNTAX) {
		*value = 0;
		return true;
	}
	if (r == GO_RANGE || *value < 0 || *value > ID_MAX)
		return false;
	*numeric = true;
	return true;
}

/* moby/sys/user v0.4.1 GetExecUser with nil defaults, as moby calls it. */
static bool get_exec_user(struct span spec, const struct idfile *pw, const struct idfile *gr,
			  struct execuser *u, struct buf *err)
{
	memset(u, 0, sizeof *u);
	struct span parts[2] = {{spec.p, 0}, {spec.p, 0}};
	split_fields(spec, parts, 2);
	struct span user = parts[0], group = parts[1];
	int64_t uid_arg, gid_arg;
	bool uid_num, gid_num;
	if (!parse_numeric(user, &uid_num, &uid_arg) || !parse_numeric(group, &gid_num, &gid_arg)) {
		buf_adds(err, ERR_RANGE_MSG);
		return false;
	}

	if (pw->status == ID_OK && pw->longest >= GO_MAX_TOKEN) {
		buf_adds(err, "unable to find user ");
		if (user.n)
			buf_span(err, user);
		else
			buf_adds(err, "0");
		buf_printf(err, ": %s", ERR_TOO_LONG);
		return false;
	}
	struct lineit it = lines_of(pw, false);
	struct span line;
	struct pwent e;
	while (next_line(&it, &line)) {
		parse_pwent(line, &e);
		bool match = user.n == 0 ? e.uid == 0 : uid_num ? e.uid == uid_arg : span_eq(e.name, user);
		if (match) {
			u->matched = true;
			u->name = e.name;
			u->uid = e.uid;
			u->gid = e.gid;
			break;
		}
	}
	if (!u->matched && user.n) {
		if (!uid_num) {
			buf_adds(err, "unable to find user ");
			buf_span(err, user);
			buf_adds(err, ": no matching entries in passwd file");
			return false;
		}
		u->uid = uid_arg;
	}

	if (group.n == 0 && !(u->matched && u->name.n))
		return true;
	if (gr->status == ID_OK && gr->longest >= GROUP_MAX_TOKEN) {
		buf_adds(err, "unable to find groups for spec ");
		buf_span(err, u->name);
		buf_printf(err, ": %s", ERR_TOO_LONG);
		return false;
	}
	it = lines_of(gr, true);
	struct grent g;
	if (group.n) {
		bool found = false;
		while (next_line(&it, &line)) {
			parse_grent(line, &g);
			if (gid_num ? g.gid == gid_arg : span_eq(g.name, group)) {
				u->gid = g.gid;
				found = true;
				break;
			}
		}
		if (!found) {
			if (!gid_num) {
				buf_adds(err, "unable to find group ");
				buf_span(err, group);
				buf_adds(err, ": no matching entries in group file");
				return false;
			}
			u->gid = gid_arg;
		}
		return true;
	}
	while (next_line(&it, &line)) {
		parse_grent(line, &g);
		if (!list_has(g.list, u->name))
			continue;
		/* [gid] + these go to setgroups(), which refuses more than
		 * NGROUPS_MAX: no need to keep more than that. */
		if (u->nsgids + 1 >= NGROUPS_LIMIT) {
			u->too_many_sgids = true;
			continue;
		}
		u->sgids = grow(u->sgids, &u->cap_sgids, u->nsgids + 1, sizeof *u->sgids);
		u->sgids[u->nsgids++] = (uint32_t)g.gid;
	}
	return true;
}

struct plan {
	bool ok;
	struct buf err;     /* the engine's message when !ok */
	uint32_t uid, gid;  /* after moby's uint32 conversion */
	gid_t *groups;      /* AdditionalGids: [gid] + supplementary */
	size_t ngroups;
	bool too_many_groups;
	bool has_name;
	struct span name;
};

static void plan_user(const char *spec, const struct idfile *pw, const struct idfile *gr, struct plan *p)
{
	memset(p, 0, sizeof *p);
	struct execuser u;
	p->ok = get_exec_user(span_c(spec), pw, gr, &u, &p->err);
	if (p->ok) {
		p->uid = (uint32_t)u.uid;
		p->gid = (uint32_t)u.gid;
		p->has_name = u.matched && u.name.n > 0;
		p->name = u.name;
		p->ngroups = u.nsgids + 1;
		p->groups = xcalloc(p->ngroups, sizeof *p->groups);
		p->groups[0] = p->gid;
		for (size_t i = 0; i < u.nsgids; i++)
			p->groups[i + 1] = u.sgids[i];
		p->too_many_groups = u.too_many_sgids;
	}
	free(u.sgids);
}

/* The home runc gives the process: first passwd entry with this uid, else "/". */
static struct span home_of(const struct idfile *pw, uint32_t uid)
{
	struct lineit it = lines_of(pw, false);
	struct span line;
	struct pwent e;
	while (next_line(&it, &line)) {
		parse_pwent(line, &e);
		if (e.uid == (int64_t)uid)
			return e.home;
	}
	return span_c("/");
}

/* Read a small procfs file into buf (procfs files are not regular in the
 * usual sense: their size is 0, so read until EOF). */
static bool read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return false;
	size_t len = 0;
	while (len + 1 < size) {
		ssize_t r = read(fd, buf + len, size - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	return true;
}

static bool setgroups_denied(void)
{
	char b[32];
	if (!read_small("/proc/self/setgroups", b, sizeof b))
		return false;
	struct span s = go_trim_space((struct span){b, strlen(b)});
	return span_eq(s, span_c("deny"));
}

/* setgroups, setgid, setuid — in runc's order and with runc's messages. */
static bool become_user(const struct plan *p, struct buf *err)
{
	if (!setgroups_denied()) {
		if (p->too_many_groups) {
			buf_adds(err, "setgroups: invalid argument");
			return false;
		}
		if (setgroups(p->ngroups, p->groups) != 0) {
			buf_printf(err, "setgroups: %s", go_errstr(errno));
			return false;
		}
	}
	if (setgid(p->gid) != 0) {
		if (errno == EINVAL)
			buf_printf(err, "cannot setgid to unmapped gid %u in user namespace", p->gid);
		else
			buf_adds(err, go_errstr(errno));
		return false;
	}
	if (setuid(p->uid) != 0) {
		if (errno == EINVAL)
			buf_printf(err, "cannot setuid to unmapped uid %u in user namespace", p->uid);
		else
			buf_adds(err, go_errstr(errno));
		return false;
	}
	return true;
}

/* ---------------------------------------------------------------- options */

struct port {
	unsigned port;
	bool udp;
	bool bindable;
	int err;
};

static struct {
	const char *user; /* NULL: not given, same as "" */
	const char *workdir;
	const char *exec;
	struct port ports[MAX_PORTS];
	size_t nports;
	char *skips[MAX_SKIPS];
	size_t nskips;
	const char *volumes[MAX_VOLUMES];
	size_t nvolumes;
	bool account_files; /* print /etc/passwd and /etc/group as read */
} opt;

/* ----------------------------------------------------------------- paths */

/* Lexically clean an absolute path like Go's path.Clean: collapse "//",
 * drop ".", resolve ".." (never above "/"). `out` holds strlen(in) + 2. */
static void path_clean(const char *in, char *out)
{
	size_t o = 0;
	out[o++] = '/';
	const char *p = in;
	while (*p) {
		while (*p == '/')
			p++;
		const char *s = p;
		while (*p && *p != '/')
			p++;
		size_t n = (size_t)(p - s);
		if (n == 0 || (n == 1 && s[0] == '.'))
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (o > 1 && out[o - 1] != '/')
				o--;
			if (o > 1)
				o--; /* the '/' before the removed component */
			continue;
		}
		if (o > 1)
			out[o++] = '/';
		memcpy(out + o, s, n);
		o += n;
	}
	out[o] = '\0';
}

/* Clean `rel` against `base` (both may be relative: "/" is the fallback). */
static char *path_join_clean(const char *base, const char *rel)
{
	size_t bl = base ? strlen(base) : 0, rl = strlen(rel);
	char *tmp = xrealloc(NULL, bl + rl + 4);
	if (rel[0] == '/')
		snprintf(tmp, bl + rl + 4, "%s", rel);
	else
		snprintf(tmp, bl + rl + 4, "/%s/%s", base ? base : "", rel);
	char *res = xrealloc(NULL, strlen(tmp) + 2);
	path_clean(tmp, res);
	free(tmp);
	return res;
}

/*
 * /proc, /sys and /dev are mounted over the image's own files at run time, so
 * nothing of the image there can be used. Everything else the image holds is
 * judged: the caller skips only the probe's own file, at a path the image
 * cannot hold (a fresh random name per run).
 */
static bool is_skipped(const char *path)
{
	static const char *const builtin[] = {"/proc", "/sys", "/dev"};
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcmp(path, builtin[i]) == 0)
			return true;
	for (size_t i = 0; i < opt.nskips; i++)
		if (strcmp(path, opt.skips[i]) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------- findings */

/* A list that keeps the first `max` items but counts all of them. */
struct list {
	void *items;
	size_t n, cap, max;
	uint64_t count;
};

static void *list_add(struct list *l, size_t size)
{
	l->count++;
	if (l->n >= l->max)
		return NULL;
	l->items = grow(l->items, &l->cap, l->n + 1, size);
	void *item = (char *)l->items + l->n * size;
	memset(item, 0, size);
	l->n++;
	return item;
}

struct setid_item {
	char *path;
	uint32_t mode, uid, gid;
};

struct cap_item {
	char *path;
	char hex[129];
};

struct unscanned_item {
	char *path;
	char reason[64];
};

static struct list setid_list = {.max = LIST_MAX_SETID};
static struct list caps_list = {.max = LIST_MAX_CAPS};
static struct list unscanned_list = {.max = LIST_MAX_UNSCANNED};
static struct list writable_list = {.max = LIST_MAX_WRITABLE}; /* char * */

static void add_unscanned(const char *path, const char *reason)
{
	struct unscanned_item *it = list_add(&unscanned_list, sizeof *it);
	if (!it)
		return;
	it->path = xstrndup(path, utf8_prefix(path, strlen(path), MAX_PATH_BYTES));
	snprintf(it->reason, sizeof it->reason, "%s", reason);
}

static void add_unscanned_errno(const char *path, int e)
{
	char reason[64];
	if (e == EACCES || e == EPERM)
		snprintf(reason, sizeof reason, "permission denied");
	else
		snprintf(reason, sizeof reason, "error %s", errno_name(e));
	add_unscanned(path, reason);
}

/* ------------------------------------------------------ phase 1: the walk */

/*
 * Every directory seen, for phase 2's writable check: parent index + name,
 * so that memory stays proportional to the names and not to full paths.
 */
#define NO_INDEX UINT32_MAX
static struct {
	uint32_t *parent, *name_off;
	size_t n, cap_parent, cap_name_off;
	char *names;
	size_t names_len, names_cap;
	bool full;
} dirs;

static uint32_t dir_add(uint32_t parent, const char *name, size_t nlen)
{
	if (dirs.full || (parent == NO_INDEX && dirs.n > 0))
		return NO_INDEX;
	if (dirs.n >= MAX_DIRS || dirs.names_len + nlen + 1 > MAX_DIR_NAMES) {
		dirs.full = true;
		return NO_INDEX;
	}
	dirs.parent = grow(dirs.parent, &dirs.cap_parent, dirs.n + 1, sizeof *dirs.parent);
	dirs.name_off = grow(dirs.name_off, &dirs.cap_name_off, dirs.n + 1, sizeof *dirs.name_off);
	dirs.names = grow(dirs.names, &dirs.names_cap, dirs.names_len + nlen + 1, 1);
	memcpy(dirs.names + dirs.names_len, name, nlen);
	dirs.names[dirs.names_len + nlen] = '\0';
	dirs.parent[dirs.n] = parent;
	dirs.name_off[dirs.n] = (uint32_t)dirs.names_len;
	dirs.names_len += nlen + 1;
	return (uint32_t)dirs.n++;
}

/* Rebuild the path of directory `idx` into out (MAX_PATH_BYTES + 1 bytes). */
static bool dir_path(uint32_t idx, char *out)
{
	uint32_t chain[MAX_DEPTH + 2];
	size_t depth = 0;
	for (uint32_t i = idx; i != 0 && i != NO_INDEX; i = dirs.parent[i]) {
		if (depth == sizeof chain / sizeof chain[0])
			return false;
		chain[depth++] = i;
	}
	size_t len = 0;
	out[0] = '/';
	out[1] = '\0';
	for (size_t k = depth; k-- > 0;) {
		const char *name = dirs.names + dirs.name_off[chain[k]];
		size_t n = strlen(name);
		if (len + 1 + n > MAX_PATH_BYTES)
			return false;
		out[len++] = '/';
		memcpy(out + len, name, n);
		len += n;
		out[len] = '\0';
	}
	return true;
}

static struct {
	char path[MAX_PATH_BYTES + 1];
	/* Where the walked root is for path-based calls (lgetxattr): "" for "/". */
	const char *host_root;
	uint64_t entries, directories;
	uint64_t start_ms, elapsed_ms;
	bool truncated, stop;
} walk;

static void check_regular(const char *path, const struct stat *st)
{
	if (st->st_mode & (S_ISUID | S_ISGID)) {
		struct setid_item *it = list_add(&setid_list, sizeof *it);
		if (it) {
			it->path = xstrndup(path, strlen(path));
			it->mode = st->st_mode & 07777;
			it->uid = st->st_uid;
			it->gid = st->st_gid;
		}
	}
	/* lgetxattr: never follows the final component. v1-v3 capability
	 * blobs are at most 24 bytes; 64 leaves room and matches the schema. */
	unsigned char val[64];
	char on_host[2 * (MAX_PATH_BYTES + 1)];
	if (walk.host_root[0]) {
		snprintf(on_host, sizeof on_host, "%s%s", walk.host_root, path);
		path = on_host;
	}
	ssize_t n = lgetxattr(path, "security.capability", val, sizeof val);
	if (n < 0 && errno != ERANGE)
		return;
	struct cap_item *it = list_add(&caps_list, sizeof *it);
	if (!it)
		return;
	it->path = xstrndup(path, strlen(path));
	if (n > 0) {
		static const char hex[] = "0123456789abcdef";
		for (ssize_t i = 0; i < n; i++) {
			it->hex[2 * i] = hex[val[i] >> 4];
			it->hex[2 * i + 1] = hex[val[i] & 15];
		}
		it->hex[2 * n] = '\0';
	}
}

/*
 * Walk the directory open at `fd` (whose path is walk.path[0..plen)).
 * openat(O_NOFOLLOW|O_DIRECTORY) + fstatat(AT_SYMLINK_NOFOLLOW): a symlink is
 * never followed, only directories are ever opened. Full paths are used only
 * for lgetxattr, on components we have just opened as directories.
 */
static void walk_dir(int fd, size_t plen, unsigned depth, uint32_t self)
{
	DIR *d = fdopendir(fd);
	if (!d) {
		add_unscanned_errno(walk.path, errno);
		close(fd);
		return;
	}
	walk.directories++;
	bool reported_long = false;
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(d);
		if (!de) {
			if (errno)
				add_unscanned_errno(walk.path, errno);
			break;
		}
		const char *name = de->d_name;
		if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
			continue;
		char reason[64];
		if (++walk.entries > MAX_ENTRIES) {
			snprintf(reason, sizeof reason, "entry limit %llu", (unsigned long long)MAX_ENTRIES);
			add_unscanned(walk.path, reason);
			walk.truncated = walk.stop = true;
			break;
		}
		if ((walk.entries & 1023) == 0 && now_ms() - walk.start_ms > WALK_TIME_LIMIT_MS) {
			snprintf(reason, sizeof reason, "time limit %u ms", (unsigned)WALK_TIME_LIMIT_MS);
			add_unscanned(walk.path, reason);
			walk.truncated = walk.stop = true;
			break;
		}
		/* Nothing to learn from these without following them. */
		if (de->d_type == DT_LNK || de->d_type == DT_CHR || de->d_type == DT_BLK ||
		    de->d_type == DT_FIFO || de->d_type == DT_SOCK)
			continue;
		size_t nlen = strlen(name);
		size_t clen = (plen == 1 ? 0 : plen) + 1 + nlen;
		if (clen > MAX_PATH_BYTES) {
			if (!reported_long) /* once per directory */
				add_unscanned(walk.path, "path too long");
			reported_long = walk.truncated = true;
			continue;
		}
		if (plen != 1)
			walk.path[plen] = '/';
		memcpy(walk.path + clen - nlen, name, nlen + 1);
		struct stat st;
		if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno != ENOENT)
				add_unscanned_errno(walk.path, errno);
		} else if (S_ISREG(st.st_mode)) {
			if (opt.nskips == 0 || !is_skipped(walk.path))
				check_regular(walk.path, &st);
		} else if (S_ISDIR(st.st_mode) && !is_skipped(walk.path)) {
			uint32_t child = dir_add(self, name, nlen);
			static bool reported_full;
			if (child == NO_INDEX && dirs.full && !reported_full) {
				/* Still walked (setid etc.), just not checked in phase 2. */
				add_unscanned(walk.path, "directory list full");
				walk.truncated = reported_full = true;
			}
			if (depth + 1 > MAX_DEPTH) {
				snprintf(reason, sizeof reason, "depth limit %u", (unsigned)MAX_DEPTH);
				add_unscanned(walk.path, reason);
				walk.truncated = true;
			} else {
				int cfd = openat(dirfd(d), name,
						 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
				if (cfd < 0)
					add_unscanned_errno(walk.path, errno);
				else
					walk_dir(cfd, clen, depth + 1, child);
			}
		}
		walk.path[plen] = '\0';
		if (walk.stop)
			break;
	}
	closedir(d);
}

/*
 * Walk the image's files from `rootfd`: "/" in the container; a test tree on
 * the host, whose path is `host_root` (for the one path-based call).
 */
static void walk_tree(int rootfd, const char *host_root)
{
	walk.start_ms = now_ms();
	walk.host_root = host_root;
	strcpy(walk.path, "/");
	uint32_t root = dir_add(NO_INDEX, "", 0);
	int fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		add_unscanned_errno("/", errno);
	else
		walk_dir(fd, 1, 0, root);
	walk.elapsed_ms = now_ms() - walk.start_ms;
}

/* ---------------------------------------------------- phase 1: tools */

/* "account": the tools a fix can use to create the app user in this image's
 * own way (useradd/groupadd on Debian-like bases, adduser/addgroup on BusyBox). */
enum tool_kind { TK_SHELL, TK_PKG, TK_PRIV, TK_ACCOUNT, TK_COUNT };
static const char *const tool_kind_names[TK_COUNT] = {"shell", "package-manager", "privilege", "account"};
static const char *const tool_names[TK_COUNT][12] = {
	{"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", NULL},
	{"apt", "apt-get", "dpkg", "apk", "yum", "dnf", "microdnf", "tdnf", "rpm", "zypper", "pacman", NULL},
	{"sudo", "su", "doas", NULL},
	{"useradd", "groupadd", "adduser", "addgroup", NULL},
};

struct tool {
	enum tool_kind kind;
	const char *name;
	char *path, *resolved;
	dev_t dev;
	ino_t ino;
};

static struct tool tools[MAX_TOOLS];
static size_t ntools;

/* $PATH's absolute entries (relative ones would be resolved against the cwd,
 * which Go's exec.LookPath refuses since Go 1.19), deduplicated. */
static char *path_dirs[MAX_PATH_DIRS];
static size_t npath_dirs;

static void load_path_dirs(void)
{
	const char *path = getenv("PATH");
	if (!path)
		path = DEFAULT_PATH;
	const char *p = path;
	while (npath_dirs < MAX_PATH_DIRS) {
		const char *c = strchr(p, ':');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		if (n > 0 && n <= MAX_PATH_BYTES - 256 && p[0] == '/') {
			char *d = xstrndup(p, n);
			/* "/usr/bin/" and "/usr/bin" are the same directory. */
			while (n > 1 && d[n - 1] == '/')
				d[--n] = '\0';
			bool dup = false;
			for (size_t i = 0; i < npath_dirs; i++)
				dup = dup || strcmp(path_dirs[i], d) == 0;
			if (dup)
				free(d);
			else
				path_dirs[npath_dirs++] = d;
		}
		if (!c)
			break;
		p = c + 1;
	}
}

static void find_tools(void)
{
	static const char *const fixed[] = {"/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"};
	const char *search[6 + MAX_PATH_DIRS];
	size_t ns = 0;
	for (size_t i = 0; i < 6; i++)
		search[ns++] = fixed[i];
	for (size_t i = 0; i < npath_dirs; i++) {
		bool dup = false;
		for (size_t k = 0; k < 6; k++)
			dup = dup || strcmp(fixed[k], path_dirs[i]) == 0;
		if (!dup)
			search[ns++] = path_dirs[i];
	}
	char cand[MAX_PATH_BYTES + 1], real[PATH_MAX];
	for (int kind = 0; kind < TK_COUNT; kind++) {
		for (const char *const *name = tool_names[kind]; *name; name++) {
			for (size_t i = 0; i < ns && ntools < MAX_TOOLS; i++) {
				if ((size_t)snprintf(cand, sizeof cand, "%s/%s", search[i], *name) >= sizeof cand)
					continue;
				struct stat st;
				if (lstat(cand, &st) != 0)
					continue;
				/* realpath fails on loops (ELOOP) and dangling links. */
				if (!realpath(cand, real) || strlen(real) > MAX_PATH_BYTES)
					continue;
				if (lstat(real, &st) != 0 || !S_ISREG(st.st_mode))
					continue;
				bool dup = false;
				for (size_t t = 0; t < ntools; t++)
					dup = dup || (tools[t].kind == (enum tool_kind)kind &&
						      tools[t].dev == st.st_dev && tools[t].ino == st.st_ino);
				if (dup)
					continue;
				tools[ntools++] = (struct tool){
					.kind = (enum tool_kind)kind,
					.name = *name,
					.path = xstrndup(cand, strlen(cand)),
					.resolved = xstrndup(real, strlen(real)),
					.dev = st.st_dev,
					.ino = st.st_ino,
				};
			}
		}
	}
}

/* ------------------------------------------------ phase 1: checked paths */

enum role { R_ROOT, R_BIN, R_SBIN, R_USR, R_LIB, R_ETC, R_TMP, R_HOME, R_WORKDIR, R_EXEC, R_EXEC_DIR, R_VOLUME, R_COUNT };
static const char *const role_names[R_COUNT] = {"root", "bin", "sbin", "usr", "lib", "etc",
						"tmp", "home", "workdir", "exec", "exec-dir", "volume"};

struct checked {
	char *path;
	unsigned roles;
	const char *type; /* dir file symlink other missing */
	bool have_stat;
	struct stat st;
	int err; /* 0 or an errno for `error` */
	bool writable;
};

/* One path per role, and one per --volume. */
#define MAX_CHECKED (R_COUNT + MAX_VOLUMES)
static struct checked checked[MAX_CHECKED];
static size_t nchecked;

static void add_checked(const char *path, enum role role)
{
	for (size_t i = 0; i < nchecked; i++) {
		if (strcmp(checked[i].path, path) == 0) {
			checked[i].roles |= 1u << role;
			return;
		}
	}
	if (nchecked == MAX_CHECKED)
		return;
	checked[nchecked++] = (struct checked){.path = xstrndup(path, strlen(path)), .roles = 1u << role, .type = "missing"};
}

/*
 * The executable runc would start for --exec: with a '/', relative to the
 * working directory; else the first $PATH entry that stat()s as a
 * non-directory with an execute bit (Go's exec.LookPath, which runc uses).
 * Returns a malloc'd path, or NULL when not found.
 */
static char *resolve_exec(const char *exec, const char *workdir)
{
	if (strchr(exec, '/'))
		return path_join_clean(workdir, exec);
	char cand[MAX_PATH_BYTES + 1];
	for (size_t i = 0; i < npath_dirs; i++) {
		if ((size_t)snprintf(cand, sizeof cand, "%s/%s", path_dirs[i], exec) >= sizeof cand)
			continue;
		struct stat st;
		if (stat(cand, &st) == 0 && !S_ISDIR(st.st_mode) && (st.st_mode & 0111))
			return path_join_clean("/", cand);
	}
	return NULL;
}

static struct span home; /* set in main */
static bool have_home;

static void collect_paths(void)
{
	static const struct { const char *path; enum role role; } fixed[] = {
		{"/", R_ROOT}, {"/bin", R_BIN}, {"/sbin", R_SBIN}, {"/usr", R_USR},
		{"/lib", R_LIB}, {"/etc", R_ETC}, {"/tmp", R_TMP},
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		add_checked(fixed[i].path, fixed[i].role);
	if (have_home && home.n > 0 && home.n <= MAX_PATH_BYTES - 1) {
		char *h = xstrndup(home.p, home.n);
		if (strlen(h) == home.n) { /* a NUL byte inside cannot be a path */
			char *clean = path_join_clean("/", h);
			add_checked(clean, R_HOME);
			free(clean);
		}
		free(h);
	}
	const char *workdir = opt.workdir && opt.workdir[0] ? opt.workdir : NULL;
	if (workdir) {
		char *clean = path_join_clean("/", workdir);
		add_checked(clean, R_WORKDIR);
		free(clean);
	}
	if (opt.exec && opt.exec[0]) {
		char *exec = resolve_exec(opt.exec, workdir ? workdir : "/");
		if (!exec) {
			/* Not found in $PATH: report the bare name as missing. */
			add_checked(opt.exec, R_EXEC);
		} else if (strlen(exec) <= MAX_PATH_BYTES) {
			add_checked(exec, R_EXEC);
			char *slash = strrchr(exec, '/');
			if (slash == exec)
				slash[1] = '\0';
			else
				*slash = '\0';
			add_checked(exec, R_EXEC_DIR);
		}
		free(exec);
	}
	for (size_t i = 0; i < opt.nvolumes; i++) {
		char *clean = path_join_clean("/", opt.volumes[i]);
		add_checked(clean, R_VOLUME);
		free(clean);
	}
	/* Metadata as root: the truth about the image, whatever the user may see. */
	for (size_t i = 0; i < nchecked; i++) {
		struct checked *c = &checked[i];
		if (c->path[0] != '/') {
			c->type = "missing";
			continue;
		}
		if (lstat(c->path, &c->st) != 0) {
			c->type = "missing";
			c->err = errno == ENOENT ? 0 : errno;
			continue;
		}
		c->have_stat = true;
		c->type = S_ISDIR(c->st.st_mode) ? "dir" : S_ISREG(c->st.st_mode) ? "file"
			: S_ISLNK(c->st.st_mode) ? "symlink" : "other";
	}
}

/* -------------------------------------------- phase 2: as the runtime user */

static uint64_t name_nonce;
static unsigned name_counter;

/*
 * Can the current credentials create (and remove) a file in directory
 * `path`? A real test, not a mode-bit guess: it accounts for ACLs, read-only
 * mounts, LSMs and the like. The name is unique and O_EXCL|O_NOFOLLOW means
 * an existing file (or a planted symlink) is never opened.
 * Returns 1 (yes), 0 (no: EACCES/EPERM/EROFS) or -errno.
 */
static int dir_create_test(const char *path, bool follow)
{
	int dfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	if (dfd < 0)
		return (errno == EACCES || errno == EPERM) ? 0 : -errno;
	int result = -EEXIST;
	for (int attempt = 0; attempt < 4; attempt++) {
		char name[80];
		snprintf(name, sizeof name, ".nonroot-guard-probe-%d-%016llx-%u", (int)getpid(),
			 (unsigned long long)name_nonce, name_counter++);
		int fd = openat(dfd, name, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC | O_NONBLOCK, 0600);
		if (fd >= 0) {
			close(fd);
			/* If this fails the empty file stays; it is our own, in a
			 * --rm container. */
			unlinkat(dfd, name, 0);
			result = 1;
			break;
		}
		if (errno == EEXIST)
			continue;
		result = (errno == EACCES || errno == EPERM || errno == EROFS) ? 0 : -errno;
		break;
	}
	close(dfd);
	return result;
}

/*
 * `writable` of a checked path, as the runtime user:
 * - a directory: the create test above;
 * - a regular file: access(W_OK) (never opened for writing);
 * - a symlink: the same rules applied to what it points to (following it is
 *   fine: we are inside the container's root, so it resolves there, as the
 *   application would); a dangling link or a loop gives writable=false and
 *   the errno in `error`. Whether the link itself could be replaced is a
 *   question about its directory, which is checked separately when relevant;
 * - anything else: access(W_OK); missing: false.
 */
static void check_writable(struct checked *c)
{
	if (!c->have_stat)
		return;
	struct stat st = c->st;
	bool follow = false;
	if (S_ISLNK(st.st_mode)) {
		if (stat(c->path, &st) != 0) {
			if (!c->err)
				c->err = errno;
			return;
		}
		follow = true;
	}
	int r;
	if (S_ISDIR(st.st_mode)) {
		r = dir_create_test(c->path, follow);
	} else {
		r = access(c->path, W_OK) == 0 ? 1 : (errno == EACCES || errno == EPERM || errno == EROFS) ? 0 : -errno;
	}
	c->writable = r == 1;
	if (r < 0 && !c->err)
		c->err = -r;
}

/*
 * Every directory of the walk the user can write: access() first (cheap),
 * each positive confirmed by the create test. The create test is bounded:
 * on overlayfs each one copies the directory up into the container's layer,
 * which costs time now and again when the engine removes the container (for
 * root, every directory is a positive). Past MAX_CREATE_TESTS, positives are
 * counted on access()'s word alone, and that is said in walk.unscanned.
 */
static void find_writable_dirs(void)
{
	uint64_t start = now_ms();
	unsigned tests = 0;
	bool noted = false;
	char path[MAX_PATH_BYTES + 1];
	for (size_t i = 0; i < dirs.n; i++) {
		if ((i & 255) == 0 && now_ms() - start > WRITABLE_TIME_LIMIT_MS) {
			char reason[64];
			snprintf(reason, sizeof reason, "writable check time limit %u ms", (unsigned)WRITABLE_TIME_LIMIT_MS);
			add_unscanned(dir_path((uint32_t)i, path) ? path : "/", reason);
			walk.truncated = true;
			return;
		}
		if (!dir_path((uint32_t)i, path))
			continue;
		if (access(path, W_OK | X_OK) != 0)
			continue;
		if (tests < MAX_CREATE_TESTS) {
			tests++;
			if (dir_create_test(path, false) != 1)
				continue;
		} else if (!noted) {
			char reason[80];
			snprintf(reason, sizeof reason, "writable check: after %u create tests, access() only",
				 (unsigned)MAX_CREATE_TESTS);
			add_unscanned(path, reason);
			noted = true;
		}
		char **item = list_add(&writable_list, sizeof *item);
		if (item)
			*item = xstrndup(path, strlen(path));
	}
}

static void check_ports(void)
{
	for (size_t i = 0; i < opt.nports; i++) {
		struct port *p = &opt.ports[i];
		int fd = socket(AF_INET, (p->udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			p->err = errno;
			continue;
		}
		int one = 1;
		if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) {
			p->err = errno;
			close(fd);
			continue;
		}
		struct sockaddr_in sa;
		memset(&sa, 0, sizeof sa);
		sa.sin_family = AF_INET;
		sa.sin_port = htons((uint16_t)p->port);
		sa.sin_addr.s_addr = htonl(INADDR_ANY);
		if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
			p->bindable = true;
		else
			p->err = errno;
		close(fd);
	}
}

/* ------------------------------------------------------- process status */

static struct {
	char cap_eff[17], cap_prm[17], cap_bnd[17], cap_amb[17];
	int no_new_privs, seccomp;
} status;

static void hex64(char *dst, uint64_t v) { snprintf(dst, 17, "%016llx", (unsigned long long)v); }

/* Take the value of "Key:\t<value>" from /proc/self/status if it is what the
 * schema accepts; otherwise keep what the syscalls said. */
static void status_field(const char *text, const char *key, char *hex_dst, int *int_dst, int max)
{
	size_t kl = strlen(key);
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		if (strncmp(line, key, kl) != 0 || line[kl] != ':') {
			if (!nl)
				return;
			line = nl + 1;
			continue;
		}
		const char *v = line + kl + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		size_t n = strcspn(v, " \t\n");
		if (hex_dst) {
			if (n < 1 || n > 16 || strspn(v, "0123456789abcdef") < n)
				return;
			memcpy(hex_dst, v, n);
			hex_dst[n] = '\0';
		} else if (n == 1 && v[0] >= '0' && v[0] - '0' <= max) {
			*int_dst = v[0] - '0';
		}
		return;
	}
}

static void read_status(void)
{
	/* First from syscalls, so the fields are right even without /proc. */
	struct { uint32_t version; int pid; } hdr = {0x20080522 /* _LINUX_CAPABILITY_VERSION_3 */, 0};
	struct { uint32_t effective, permitted, inheritable; } data[2];
	memset(data, 0, sizeof data);
	if (syscall(SYS_capget, &hdr, data) != 0)
		memset(data, 0, sizeof data);
	hex64(status.cap_eff, data[0].effective | (uint64_t)data[1].effective << 32);
	hex64(status.cap_prm, data[0].permitted | (uint64_t)data[1].permitted << 32);
	uint64_t bnd = 0, amb = 0;
	for (int cap = 0; cap < 64; cap++) {
		int r = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
		if (r < 0)
			break;
		if (r == 1)
			bnd |= 1ULL << cap;
		if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0) == 1)
			amb |= 1ULL << cap;
	}
	hex64(status.cap_bnd, bnd);
	hex64(status.cap_amb, amb);
	int nnp = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	status.no_new_privs = nnp == 1;
	int sc = prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
	status.seccomp = sc >= 0 && sc <= 2 ? sc : 0;

	static char text[16384];
	if (!read_small("/proc/self/status", text, sizeof text))
		return;
	status_field(text, "CapEff", status.cap_eff, NULL, 0);
	status_field(text, "CapPrm", status.cap_prm, NULL, 0);
	status_field(text, "CapBnd", status.cap_bnd, NULL, 0);
	status_field(text, "CapAmb", status.cap_amb, NULL, 0);
	status_field(text, "NoNewPrivs", NULL, &status.no_new_privs, 1);
	status_field(text, "Seccomp", NULL, &status.seccomp, 2);
}

/* ----------------------------------------------------------------- output */

static void emit_path(const char *s) { j_str(s, utf8_prefix(s, strlen(s), MAX_PATH_BYTES)); }

/* Lists stop growing once their JSON passes LIST_MAX_JSON_BYTES; `count`
 * still says how many there were. Returns how many items were emitted. */
static size_t emit_list_items(const struct list *l, size_t size, void (*emit)(const void *))
{
	size_t start = json_out.len, emitted = 0;
	j_key("items");
	j_open('[');
	for (size_t i = 0; i < l->n && json_out.len - start < LIST_MAX_JSON_BYTES; i++, emitted++)
		emit((const char *)l->items + i * size);
	j_close(']');
	return emitted;
}

static void emit_list(const char *key, const struct list *l, size_t size, void (*emit)(const void *))
{
	j_key(key);
	j_open('{');
	size_t emitted = emit_list_items(l, size, emit);
	j_key("count");
	j_u64(l->count);
	j_key("truncated");
	j_bool(l->count > emitted);
	j_close('}');
}

static void emit_writable(const void *p) { emit_path(*(char *const *)p); }

static void emit_setid(const void *p)
{
	const struct setid_item *it = p;
	j_open('{');
	j_key("path");
	emit_path(it->path);
	j_key("mode");
	j_u64(it->mode);
	j_key("uid");
	j_u64(it->uid);
	j_key("gid");
	j_u64(it->gid);
	j_close('}');
}

static void emit_cap(const void *p)
{
	const struct cap_item *it = p;
	j_open('{');
	j_key("path");
	emit_path(it->path);
	j_key("capability");
	j_cstr(it->hex);
	j_close('}');
}

static void emit_unscanned(const void *p)
{
	const struct unscanned_item *it = p;
	j_open('{');
	j_key("path");
	emit_path(it->path);
	j_key("reason");
	j_cstr(it->reason);
	j_close('}');
}

struct result {
	const char *user_error; /* NULL or the message */
	bool switched;
	bool show_name;
	struct span name;
	bool show_home;
	struct span home;
	const struct idfile *pw, *gr;
	bool measured_ports;
};

/* The file's text exactly as the user lookup read it; null when it was not
 * read (identity.passwd/group says why) or is over MAX_ID_FILE_SHOWN. */
static void emit_idfile(const struct idfile *f)
{
	if (f->status == ID_OK && f->len <= MAX_ID_FILE_SHOWN)
		j_str(f->data, f->len);
	else
		j_null();
}

static void emit_document(const struct result *r, const char *arch)
{
	j_open('{');
	j_key("probe");
	j_open('{');
	j_key("version");
	j_u64(PROBE_VERSION);
	j_key("arch");
	j_str(arch, utf8_prefix(arch, strlen(arch), 32));
	j_close('}');

	j_key("userError");
	if (r->user_error)
		j_str(r->user_error, utf8_prefix(r->user_error, strlen(r->user_error), MAX_USER_ERROR_BYTES));
	else
		j_null();

	j_key("identity");
	j_open('{');
	j_key("switched");
	j_bool(r->switched);
	j_key("uid");
	j_u64(getuid());
	j_key("gid");
	j_u64(getgid());
	j_key("groups");
	j_open('[');
	static gid_t groups[NGROUPS_LIMIT];
	int ng = getgroups(NGROUPS_LIMIT, groups);
	for (int i = 0; i < ng; i++)
		j_u64(groups[i]);
	j_close(']');
	j_key("name");
	if (r->show_name)
		j_str(r->name.p, utf8_prefix(r->name.p, r->name.n, MAX_NAME_BYTES));
	else
		j_null();
	j_key("home");
	if (r->show_home)
		j_str(r->home.p, utf8_prefix(r->home.p, r->home.n, MAX_PATH_BYTES));
	else
		j_null();
	j_key("passwd");
	j_cstr(id_status_names[r->pw->status]);
	j_key("group");
	j_cstr(id_status_names[r->gr->status]);
	j_key("passwdResolved");
	j_cstr(r->pw->resolved ? r->pw->resolved : NULL);
	j_key("groupResolved");
	j_cstr(r->gr->resolved ? r->gr->resolved : NULL);
	j_close('}');

	j_key("status");
	j_open('{');
	j_key("capEff");
	j_cstr(status.cap_eff);
	j_key("capPrm");
	j_cstr(status.cap_prm);
	j_key("capBnd");
	j_cstr(status.cap_bnd);
	j_key("capAmb");
	j_cstr(status.cap_amb);
	j_key("noNewPrivs");
	j_i64(status.no_new_privs);
	j_key("seccomp");
	j_i64(status.seccomp);
	j_close('}');

	j_key("paths");
	j_open('[');
	for (size_t i = 0; i < nchecked; i++) {
		const struct checked *c = &checked[i];
		j_open('{');
		j_key("path");
		emit_path(c->path);
		j_key("roles");
		j_open('[');
		for (int role = 0; role < R_COUNT; role++)
			if (c->roles & (1u << role))
				j_cstr(role_names[role]);
		j_close(']');
		j_key("type");
		j_cstr(c->type);
		j_key("mode");
		if (c->have_stat)
			j_u64(c->st.st_mode & 07777);
		else
			j_null();
		j_key("uid");
		if (c->have_stat)
			j_u64(c->st.st_uid);
		else
			j_null();
		j_key("gid");
		if (c->have_stat)
			j_u64(c->st.st_gid);
		else
			j_null();
		j_key("writable");
		j_bool(c->writable);
		j_key("error");
		j_cstr(c->err ? errno_name(c->err) : NULL);
		j_close('}');
	}
	j_close(']');

	emit_list("writableDirs", &writable_list, sizeof(char *), emit_writable);
	emit_list("setid", &setid_list, sizeof(struct setid_item), emit_setid);
	emit_list("fileCaps", &caps_list, sizeof(struct cap_item), emit_cap);

	j_key("tools");
	j_open('[');
	for (size_t i = 0, start = json_out.len; i < ntools && json_out.len - start < LIST_MAX_JSON_BYTES; i++) {
		j_open('{');
		j_key("kind");
		j_cstr(tool_kind_names[tools[i].kind]);
		j_key("name");
		j_cstr(tools[i].name);
		j_key("path");
		emit_path(tools[i].path);
		j_key("resolved");
		emit_path(tools[i].resolved);
		j_close('}');
	}
	j_close(']');

	j_key("ports");
	j_open('[');
	for (size_t i = 0; r->measured_ports && i < opt.nports; i++) {
		const struct port *p = &opt.ports[i];
		j_open('{');
		j_key("port");
		j_u64(p->port);
		j_key("protocol");
		j_cstr(p->udp ? "udp" : "tcp");
		j_key("bindable");
		j_bool(p->bindable);
		j_key("error");
		j_cstr(p->bindable ? NULL : errno_name(p->err));
		j_close('}');
	}
	j_close(']');

	j_key("walk");
	j_open('{');
	j_key("entries");
	j_u64(walk.entries);
	j_key("directories");
	j_u64(walk.directories);
	j_key("elapsedMs");
	j_u64(walk.elapsed_ms);
	j_key("truncated");
	j_bool(walk.truncated);
	emit_list("unscanned", &unscanned_list, sizeof(struct unscanned_item), emit_unscanned);
	j_close('}');

	if (opt.account_files) {
		j_key("accountFiles");
		j_open('{');
		j_key("passwd");
		emit_idfile(r->pw);
		j_key("group");
		emit_idfile(r->gr);
		j_close('}');
	}

	j_close('}');
	buf_addc(&json_out, '\n');
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* -------------------------------------------------------------- arguments */

static const char usage[] =
	"usage: probe [--user SPEC] [--workdir DIR] [--exec ARGV0] [--port N[/tcp|/udp]]...\n"
	"             [--skip PATH]... [--volume DIR]... [--account-files]\n"
	"       probe --help | --version\n"
	"\n"
	"Runs inside the image under test, started as root, and prints one JSON\n"
	"document (nonroot-guard's src/probe/schema.ts) on stdout.\n"
	"\n"
	"  --user SPEC     the image's Config.User (\"\" = root): becomes it as the engine does\n"
	"  --workdir DIR   the image's Config.WorkingDir\n"
	"  --exec ARGV0    argv[0] of the entrypoint (else of the cmd): resolved like runc\n"
	"  --port N/PROTO  a port to try to bind as the user (tcp or udp; repeatable)\n"
	"  --skip PATH     a file or directory the walk must leave out (repeatable);\n"
	"                  /proc, /sys and /dev are always skipped\n"
	"  --volume DIR    a VOLUME of the image, whose writability as the user is measured\n"
	"                  (repeatable, at most 16)\n"
	"  --account-files also print /etc/passwd and /etc/group as read (accountFiles),\n"
	"                  so the caller needs no second container to read them\n"
	"\n"
	"Exit status: 0 JSON printed (also with userError), 2 bad arguments, 1 failure.\n";

static void bad_args(const char *fmt, const char *arg) __attribute__((noreturn));
static void bad_args(const char *fmt, const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg);
	/* One line: the argument may contain anything. */
	for (char *p = msg; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "probe: %s (see --help)\n", msg);
	exit(2);
}

static void parse_port(const char *s)
{
	if (opt.nports == MAX_PORTS)
		bad_args("too many --port (max %s)", "256");
	char *end;
	if (!(s[0] >= '0' && s[0] <= '9'))
		bad_args("bad --port: %.64s", s);
	errno = 0;
	unsigned long n = strtoul(s, &end, 10);
	bool udp = false;
	if (errno || n > 65535)
		bad_args("bad --port: %.64s", s);
	if (strcmp(end, "/udp") == 0)
		udp = true;
	else if (*end && strcmp(end, "/tcp") != 0)
		bad_args("bad --port (want N, N/tcp or N/udp): %.64s", s);
	for (size_t i = 0; i < opt.nports; i++)
		if (opt.ports[i].port == n && opt.ports[i].udp == udp)
			return; /* duplicates are measured once */
	opt.ports[opt.nports++] = (struct port){.port = (unsigned)n, .udp = udp};
}

static void parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			exit(0);
		}
		if (strcmp(a, "--version") == 0) {
			printf("nonroot-guard-probe %d\n", PROBE_VERSION);
			exit(0);
		}
		if (strcmp(a, "--account-files") == 0) {
			opt.account_files = true;
			continue;
		}
		static const char *const names[] = {"--user", "--workdir", "--exec", "--port", "--skip", "--volume"};
		size_t which = sizeof names / sizeof names[0];
		const char *val = NULL;
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			size_t l = strlen(names[k]);
			if (strncmp(a, names[k], l) == 0 && (a[l] == '\0' || a[l] == '=')) {
				which = k;
				if (a[l] == '=')
					val = a + l + 1;
				else if (i + 1 < argc)
					val = argv[++i];
				else
					bad_args("%s needs a value", names[k]);
				break;
			}
		}
		if (which == sizeof names / sizeof names[0])
			bad_args("unknown argument: %.64s", a);
		if (strlen(val) > (which == 0 ? MAX_USER_ARG_BYTES : MAX_ARG_BYTES))
			bad_args("%s is too long", names[which]);
		switch (which) {
		case 0:
			if (opt.user)
				bad_args("%s given twice", "--user");
			opt.user = val;
			break;
		case 1:
			if (opt.workdir)
				bad_args("%s given twice", "--workdir");
			opt.workdir = val;
			break;
		case 2:
			if (opt.exec)
				bad_args("%s given twice", "--exec");
			opt.exec = val;
			break;
		case 3:
			parse_port(val);
			break;
		case 4:
			if (val[0] != '/')
				bad_args("--skip needs an absolute path: %.64s", val);
			if (opt.nskips == MAX_SKIPS)
				bad_args("too many --skip (max %s)", "64");
			opt.skips[opt.nskips] = xrealloc(NULL, strlen(val) + 2);
			path_clean(val, opt.skips[opt.nskips++]);
			break;
		case 5:
			if (opt.nvolumes == MAX_VOLUMES)
				bad_args("too many --volume (max %s)", "16");
			opt.volumes[opt.nvolumes++] = val;
			break;
		}
	}
}

/* ------------------------------------------------------------------- main */

/*
 * An account file this container cannot read as the engine does: the user
 * it would become could differ from the engine's, so it becomes none.
 */
static bool refuse_idfile(const char *path, const struct idfile *f, struct plan *p)
{
	if (f->status != ID_MOUNTED && f->status != ID_ESCAPES)
		return false;
	memset(p, 0, sizeof *p);
	buf_adds(&p->err, path);
	if (f->status == ID_MOUNTED) {
		buf_adds(&p->err, " resolves into ");
		buf_adds(&p->err, f->resolved);
		buf_adds(&p->err, ", which is mounted over the image's files when the container runs: "
				  "the engine reads the image's own file there, which this container cannot see");
	} else {
		buf_adds(&p->err, " is a symlink that climbs above / (from ");
		buf_adds(&p->err, f->resolved);
		buf_adds(&p->err, ")");
	}
	return true;
}

#ifndef PROBE_NO_MAIN
int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN); /* a closed stdout is an error, not a kill */
	umask(077);
	parse_args(argc, argv);
	/* The image's ENV is the image's: only PATH is used (as data, for
	 * finding tools and --exec), nothing else of it reaches this process. */
	const char *image_path = getenv("PATH");
	char *saved_path = image_path ? xstrndup(image_path, strlen(image_path)) : NULL;
	clearenv();
	if (saved_path)
		setenv("PATH", saved_path, 1);

	uint64_t nonce = 0;
	if (getrandom(&nonce, sizeof nonce, GRND_NONBLOCK) != (ssize_t)sizeof nonce)
		nonce = now_ms() ^ ((uint64_t)getpid() << 32);
	name_nonce = nonce;

	struct utsname uts;
	const char *arch = uname(&uts) == 0 ? uts.machine : "unknown";

	/* Resolve the user first, as root, from the image's own files. */
	static struct idfile pw, gr;
	int rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		fprintf(stderr, "probe: cannot open /: %s\n", strerror(errno));
		return 1;
	}
	load_mounts();
	load_accounts(rootfd, &pw, &gr);
	struct plan plan;
	if (!refuse_idfile("/etc/passwd", &pw, &plan) && !refuse_idfile("/etc/group", &gr, &plan))
		plan_user(opt.user ? opt.user : "", &pw, &gr, &plan);
	bool started_root = geteuid() == 0;

	/* HOME of the user we are about to become (known before the switch). */
	if (plan.ok) {
		home = home_of(&pw, started_root ? plan.uid : (uint32_t)getuid());
		have_home = true;
	}

	/* Phase 1: everything that does not depend on the user, as root. */
	load_path_dirs();
	walk_tree(rootfd, "");
	find_tools();
	collect_paths();

	/* Phase 2: become the user, irrevocably, then measure as the user. */
	struct result r = {.pw = &pw, .gr = &gr};
	struct buf switch_err = {0};
	bool measure = false;
	if (!plan.ok) {
		r.user_error = plan.err.p;
	} else if (!started_root) {
		measure = true; /* someone ran us as non-root: measure as that user */
	} else if (become_user(&plan, &switch_err)) {
		r.switched = true;
		measure = true;
	} else {
		r.user_error = switch_err.p;
	}
	if (measure) {
		if (plan.has_name && (r.switched || getuid() == plan.uid)) {
			r.show_name = true;
			r.name = plan.name;
		}
		r.show_home = true;
		r.home = home;
		for (size_t i = 0; i < nchecked; i++)
			check_writable(&checked[i]);
		find_writable_dirs();
		check_ports();
		r.measured_ports = true;
	}
	read_status();

	emit_document(&r, arch);
	if (!write_all(STDOUT_FILENO, json_out.p, json_out.len)) {
		fprintf(stderr, "probe: cannot write the result: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
#endif
