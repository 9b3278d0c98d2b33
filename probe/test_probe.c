/*
 * Unit tests for probe.c: the JSON string escaper, the Go-compatible parsers,
 * the user resolution, and, on trees built in /tmp, the account files and the
 * walk (the image's root is a directory fd, "/" in a container). probe/build.sh compiles and
 * runs this before building the release binaries:
 *
 *   musl-gcc -std=c11 -Wall -Wextra -Werror -Wno-unused-function \
 *     -o /tmp/test_probe probe/test_probe.c && /tmp/test_probe
 */
#define PROBE_NO_MAIN
#include "probe.c"

static int failures, checks;

static void show(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			putchar(c);
		else
			printf("\\x%02x", c);
	}
}

static void check_bytes(const char *what, const char *got, size_t gn, const char *want, size_t wn)
{
	checks++;
	if (gn == wn && memcmp(got, want, gn) == 0)
		return;
	failures++;
	printf("FAIL %s\n  got:  ", what);
	show(got, gn);
	printf("\n  want: ");
	show(want, wn);
	printf("\n");
}

#define CHECK(cond)                                                     \
	do {                                                            \
		checks++;                                               \
		if (!(cond)) {                                          \
			failures++;                                     \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                       \
	} while (0)

/* ------------------------------------------------------------ JSON escaper */

static void json_case(const char *in, size_t n, const char *want)
{
	struct buf b = {0};
	json_string(&b, in, n);
	check_bytes("json_string", b.p, b.len, want, strlen(want));
	free(b.p);
}
#define JSON(lit, want) json_case(lit, sizeof(lit) - 1, want)

static void test_json(void)
{
	JSON("", "\"\"");
	JSON("plain /usr/bin", "\"plain /usr/bin\"");
	JSON("a\"b\\c", "\"a\\\"b\\\\c\"");
	JSON("new\nline\ttab\rcr\bbs\fff", "\"new\\nline\\ttab\\rcr\\bbs\\fff\"");
	JSON("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	JSON("nul\0byte", "\"nul\\u0000byte\"");
	/* Valid UTF-8 of every length passes through. */
	JSON("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	JSON("\xef\xbf\xbd", "\"\xef\xbf\xbd\""); /* a real U+FFFD */
	JSON("\xf4\x8f\xbf\xbf", "\"\xf4\x8f\xbf\xbf\""); /* U+10FFFF */
	JSON("\xed\x9f\xbf", "\"\xed\x9f\xbf\"");         /* U+D7FF */
	JSON("\xee\x80\x80", "\"\xee\x80\x80\"");         /* U+E000 */
	JSON("\xe2\x80\xa8", "\"\xe2\x80\xa8\"");         /* U+2028 is legal in JSON */
	/* Invalid bytes: one U+FFFD each. */
	JSON("\xff", "\"\xef\xbf\xbd\"");
	JSON("a\xffz", "\"a\xef\xbf\xbdz\"");
	JSON("\xfe\xff", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON("\x80", "\"\xef\xbf\xbd\"");             /* lone continuation */
	JSON("\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON("\xc0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\""); /* overlong NUL */
	JSON("\xc1\xbf", "\"\xef\xbf\xbd\xef\xbf\xbd\""); /* overlong */
	JSON("\xe0\x80\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""); /* overlong '/' */
	JSON("\xf0\x80\x80\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	JSON("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  /* surrogate D800 */
	JSON("\xed\xbf\xbf", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  /* surrogate DFFF */
	JSON("\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""); /* > U+10FFFF */
	JSON("\xf5\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	/* Truncated sequences: the maximal valid prefix is one U+FFFD. */
	JSON("\xe2\x82", "\"\xef\xbf\xbd\"");
	JSON("\xe2\x82z", "\"\xef\xbf\xbdz\"");
	JSON("\xf0\x9f\x98", "\"\xef\xbf\xbd\"");
	JSON("\xf0\x9f\x98\"", "\"\xef\xbf\xbd\\\"\"");
	JSON("\xc3", "\"\xef\xbf\xbd\"");
	JSON("\xc3\xc3\xa9", "\"\xef\xbf\xbd\xc3\xa9\"");
	JSON("\xe2\x82\n", "\"\xef\xbf\xbd\\n\"");
	/* Hostile file names from the brief. */
	JSON("/x/evil\n\"\\\xff", "\"/x/evil\\n\\\"\\\\\xef\xbf\xbd\"");
}

/* JSON writer commas. */
static void test_writer(void)
{
	json_out.len = 0;
	j_open('{');
	j_key("a");
	j_open('[');
	j_u64(1);
	j_i64(-2);
	j_null();
	j_bool(true);
	j_close(']');
	j_key("b");
	j_open('{');
	j_close('}');
	j_key("c");
	j_cstr("x");
	j_close('}');
	const char *want = "{\"a\":[1,-2,null,true],\"b\":{},\"c\":\"x\"}";
	check_bytes("writer", json_out.p, json_out.len, want, strlen(want));
}

/* ------------------------------------------------------ Go compatibility */

static void atoi_case(const char *s, int want_rc, int64_t want)
{
	int64_t v;
	int rc = go_atoi(s, strlen(s), &v);
	checks++;
	if (rc != want_rc || v != want) {
		failures++;
		printf("FAIL go_atoi(\"%s\") = %d,%lld want %d,%lld\n", s, rc, (long long)v, want_rc, (long long)want);
	}
}

static void test_atoi(void)
{
	atoi_case("0", GO_OK, 0);
	atoi_case("1654", GO_OK, 1654);
	atoi_case("+1654", GO_OK, 1654);
	atoi_case("-1", GO_OK, -1);
	atoi_case("-0", GO_OK, 0);
	atoi_case("0001654", GO_OK, 1654);
	atoi_case("", GO_SYNTAX, 0);
	atoi_case("+", GO_SYNTAX, 0);
	atoi_case("-", GO_SYNTAX, 0);
	atoi_case("+-1", GO_SYNTAX, 0);
	atoi_case(" 1", GO_SYNTAX, 0);
	atoi_case("1 ", GO_SYNTAX, 0);
	atoi_case("1_000", GO_SYNTAX, 0);
	atoi_case("0x10", GO_SYNTAX, 0);
	atoi_case("app", GO_SYNTAX, 0);
	atoi_case("4294967296", GO_OK, 4294967296LL);
	atoi_case("9223372036854775807", GO_OK, INT64_MAX);
	atoi_case("-9223372036854775808", GO_OK, INT64_MIN);
	atoi_case("9223372036854775808", GO_RANGE, INT64_MAX);
	atoi_case("-9223372036854775809", GO_RANGE, INT64_MIN);
	atoi_case("99999999999999999999", GO_RANGE, INT64_MAX);
	atoi_case("-99999999999999999999", GO_RANGE, INT64_MIN);
	/* Go reports the overflow before it sees the bad character... */
	atoi_case("99999999999999999999x", GO_RANGE, INT64_MAX);
	/* ...but a bad character before any overflow is a syntax error. */
	atoi_case("9223372036854775808x", GO_SYNTAX, 0);
	atoi_case("00000000000000000000000001", GO_OK, 1);
}

static void trim_case(const char *in, const char *want)
{
	struct span s = go_trim_space(span_c(in));
	check_bytes("go_trim_space", s.p, s.n, want, strlen(want));
}

static void test_trim(void)
{
	trim_case("", "");
	trim_case("   ", "");
	trim_case(" \t\v\f\r\n app \r\n", "app");
	trim_case("\xc2\x85" "app" "\xc2\xa0", "app");          /* NEL, NBSP */
	trim_case("\xe2\x80\x83" "a b" "\xe3\x80\x80", "a b");  /* EM SPACE, IDEOGRAPHIC SPACE */
	trim_case("\xef\xbb\xbf" "app", "\xef\xbb\xbf" "app");  /* BOM is not space in Go */
	trim_case("app\xe2\x80", "app\xe2\x80");                /* invalid tail kept */
	trim_case("\xff app", "\xff app");
	trim_case("app \xe2\x80\xa8", "app");                   /* LINE SEPARATOR */
}

static void test_path_clean(void)
{
	static const char *const cases[][2] = {
		{"/", "/"}, {"//", "/"}, {"/app/", "/app"}, {"/app//x/./y", "/app/x/y"},
		{"/a/../b", "/b"}, {"/../..", "/"}, {"/a/b/../../..", "/"}, {"/.", "/"},
		{"/a/.../b", "/a/.../b"}, {"/a/..b", "/a/..b"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char o[64];
		path_clean(cases[i][0], o);
		check_bytes(cases[i][0], o, strlen(o), cases[i][1], strlen(cases[i][1]));
	}
	char *j = path_join_clean("/app", "bin/../run");
	check_bytes("join", j, strlen(j), "/app/run", 8);
	free(j);
	j = path_join_clean("app", "./x");
	check_bytes("join relative", j, strlen(j), "/app/x", 6);
	free(j);
}

static void test_utf8_prefix(void)
{
	CHECK(utf8_prefix("abc", 3, 2) == 2);
	CHECK(utf8_prefix("abc", 3, 5) == 3);
	CHECK(utf8_prefix("a\xc3\xa9", 3, 2) == 1);        /* do not cut é */
	CHECK(utf8_prefix("a\xf0\x9f\x98\x80", 5, 3) == 1); /* nor an emoji */
	CHECK(utf8_prefix("\x80\x80\x80\x80\x80", 5, 4) == 1); /* garbage: at most 3 back */
}

/* ------------------------------------------------------- user resolution */

static struct idfile mkfile(const char *text)
{
	struct idfile f = {0};
	if (!text) {
		f.status = ID_MISSING;
		return f;
	}
	f.status = ID_OK;
	f.data = xstrndup(text, strlen(text));
	f.len = strlen(text);
	f.longest = longest_line(f.data, f.len);
	return f;
}

/* want: "uid gid [groups...]" or "!message" */
static void user_case(const char *spec, const char *passwd, const char *group, const char *want)
{
	struct idfile pw = mkfile(passwd), gr = mkfile(group);
	struct plan p;
	plan_user(spec, &pw, &gr, &p);
	struct buf got = {0};
	if (!p.ok) {
		buf_printf(&got, "!%s", p.err.p);
	} else {
		buf_printf(&got, "%u %u", p.uid, p.gid);
		for (size_t i = 0; i < p.ngroups; i++)
			buf_printf(&got, " %u", p.groups[i]);
		if (p.has_name)
			buf_printf(&got, " name=%.*s", (int)p.name.n, p.name.p);
	}
	char what[128];
	snprintf(what, sizeof what, "user \"%s\"", spec);
	check_bytes(what, got.p, got.len, want, strlen(want));
	free(got.p);
	free(p.err.p);
	free(p.groups);
	free(pw.data);
	free(gr.data);
}

static const char PASSWD[] =
	"root:x:0:0:root:/root:/bin/sh\n"
	"app:x:1654:1654::/home/app:/sbin/nologin\n"
	"dup:x:1654:77::/dup:/bin/sh\n"
	"web:x:33:33::/var/www:/bin/sh\r\n"
	"\n"
	"  spaced:x:500:500::/s:/bin/sh  \n"
	"noname\n"
	"big:x:4294967296:4294967297::/big:/bin/sh\n"
	"neg:x:-1:5::/:\n"
	"huge:x:99999999999999999999:7::/:\n";

static const char GROUP[] =
	"root:x:0:root\n"
	"wheel:x:10:root,app\n"
	"app:x:1654:\n"
	"www:x:33:app,web\n"
	"staff:x:50:web\n";

static void test_users(void)
{
	/* Empty spec and empty user part mean uid 0; root's groups come along. */
	user_case("", PASSWD, GROUP, "0 0 0 0 10 name=root");
	user_case(":10", PASSWD, GROUP, "0 10 10 name=root");
	user_case("", NULL, NULL, "0 0 0");
	user_case("", "app:x:1654:1654::/:\n", NULL, "0 0 0");
	/* Numeric uid: the first entry with it wins (app, not dup). */
	user_case("1654", PASSWD, GROUP, "1654 1654 1654 10 33 name=app");
	user_case("+1654", PASSWD, GROUP, "1654 1654 1654 10 33 name=app");
	user_case("01654", PASSWD, GROUP, "1654 1654 1654 10 33 name=app");
	user_case("app", PASSWD, GROUP, "1654 1654 1654 10 33 name=app");
	user_case("dup", PASSWD, GROUP, "1654 77 77 name=dup");
	/* CRLF and surrounding spaces (Go's TrimSpace). */
	user_case("web", PASSWD, GROUP, "33 33 33 33 50 name=web");
	user_case("spaced", PASSWD, GROUP, "500 500 500 name=spaced");
	/* An explicit group: no supplementary groups at all. */
	user_case("app:app", PASSWD, GROUP, "1654 1654 1654 name=app");
	user_case("app:10", PASSWD, GROUP, "1654 10 10 name=app");
	user_case("app:999", PASSWD, GROUP, "1654 999 999 name=app");
	user_case("app:wheel:ignored", PASSWD, GROUP, "1654 10 10 name=app");
	/* Numeric uid without entry: gid 0, no name. */
	user_case("2000", PASSWD, GROUP, "2000 0 0");
	user_case("2000:2000", PASSWD, GROUP, "2000 2000 2000");
	user_case("2000", NULL, NULL, "2000 0 0");
	user_case("1654", NULL, GROUP, "1654 0 0");
	/* A line without fields has uid 0 and matches an empty user part (Go). */
	user_case("noname", PASSWD, GROUP, "0 0 0 name=noname");
	/* moby's uint32 conversion: 4294967296 is root. */
	user_case("big", PASSWD, GROUP, "0 1 1 name=big");
	/* moby/sys/user v0.4.1: a number outside 0..2147483647 is refused, never
	 * looked up (v0.4.0 found "big" by uid 4294967296, or a name). */
	user_case("4294967296", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("neg", PASSWD, GROUP, "4294967295 5 5 name=neg");
	user_case("huge", PASSWD, GROUP, "4294967295 7 7 name=huge");
	/* Errors, with the engine's messages. */
	user_case("ghost", PASSWD, GROUP, "!unable to find user ghost: no matching entries in passwd file");
	user_case("ghost", NULL, NULL, "!unable to find user ghost: no matching entries in passwd file");
	user_case("ghost:0", PASSWD, GROUP, "!unable to find user ghost: no matching entries in passwd file");
	user_case("app:ghost", PASSWD, GROUP, "!unable to find group ghost: no matching entries in group file");
	user_case(":ghost", PASSWD, GROUP, "!unable to find group ghost: no matching entries in group file");
	user_case("app:ghost", PASSWD, NULL, "!unable to find group ghost: no matching entries in group file");
	user_case("99999999999999999999", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("0:99999999999999999999", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("notauser", "9223372036854775808:x:0:0::/:\n", GROUP,
		  "!unable to find user notauser: no matching entries in passwd file");
	/* /etc/group lines that start with '#' are comments; /etc/passwd has none. */
	user_case("app", PASSWD, "#wheel:x:10:app\nwww:x:33:app\n", "1654 1654 1654 33 name=app");
	user_case("#x", "#x:x:7:7::/:\n", NULL, "7 7 7 name=#x");
	user_case("2147483648", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("-5", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("2147483647", PASSWD, GROUP, "2147483647 0 0");
	user_case("0:2147483648", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case("0:-1", PASSWD, GROUP, "!uids and gids must be in range 0-2147483647");
	user_case(" app", PASSWD, GROUP, "!unable to find user  app: no matching entries in passwd file");

	/* A line bufio.Scanner cannot read fails the lookup (long line). */
	size_t n = GO_MAX_TOKEN + 10;
	char *longpw = xcalloc(n + 64, 1);
	strcpy(longpw, "app:x:1654:1654::/:\n");
	memset(longpw + strlen(longpw), 'x', GO_MAX_TOKEN);
	user_case("app", longpw, GROUP, "!unable to find user app: bufio.Scanner: token too long");
	user_case("", longpw, GROUP, "!unable to find user 0: bufio.Scanner: token too long");
	/* 65535 bytes plus '\n' still fit. */
	char *okpw = xcalloc(n + 64, 1);
	strcpy(okpw, "app:x:1654:1654::/:\n");
	memset(okpw + strlen(okpw), 'x', GO_MAX_TOKEN - 1);
	user_case("app", okpw, GROUP, "1654 1654 1654 10 33 name=app");
	/* /etc/group lines may be 1 MiB long (a group's member list can be). */
	user_case("app", PASSWD, longpw, "1654 1654 1654 name=app");
	size_t gn = GROUP_MAX_TOKEN + 10;
	char *longgr = xcalloc(gn + 64, 1);
	strcpy(longgr, "wheel:x:10:app\n");
	memset(longgr + strlen(longgr), 'x', GROUP_MAX_TOKEN);
	user_case("app", PASSWD, longgr, "!unable to find groups for spec app: bufio.Scanner: token too long");
	user_case("2000", PASSWD, longgr, "2000 0 0"); /* no name, no group part: group file not read */
	longgr[strlen("wheel:x:10:app\n") + GROUP_MAX_TOKEN - 1] = '\0';
	user_case("app", PASSWD, longgr, "1654 1654 1654 10 name=app");
	free(longgr);
	free(longpw);
	free(okpw);

	/* A large passwd file stays fast (the lookup is linear). */
	struct buf big = {0};
	for (int i = 0; i < 1000000; i++)
		buf_printf(&big, "user%d:x:%d:%d::/home/user%d:/bin/sh\n", i, 100000 + i, 100000 + i, i);
	uint64_t t0 = now_ms();
	user_case("user999999", big.p, GROUP, "1099999 1099999 1099999 name=user999999");
	user_case("1099999", big.p, GROUP, "1099999 1099999 1099999 name=user999999");
	uint64_t dt = now_ms() - t0;
	printf("1,000,000-line passwd: two lookups in %llu ms\n", (unsigned long long)dt);
	CHECK(dt < 5000);
	free(big.p);
}

static void test_home(void)
{
	struct idfile pw = mkfile(PASSWD);
	struct span h = home_of(&pw, 1654);
	check_bytes("home 1654", h.p, h.n, "/home/app", 9);
	h = home_of(&pw, 4242);
	check_bytes("home none", h.p, h.n, "/", 1);
	h = home_of(&pw, 0);
	check_bytes("home root", h.p, h.n, "/root", 5);
	free(pw.data);
}

/* A tree built here, on the host, standing for an image's root. */
struct tree {
	char dir[64];
	int fd; /* O_PATH of dir: what the probe gets for "/" */
	char path[2 * (MAX_PATH_BYTES + 1)];
};

static bool tree_make(struct tree *t)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/nonroot-guard-probe-test-XXXXXX");
	if (!mkdtemp(t->dir)) {
		perror("mkdtemp");
		failures++;
		return false;
	}
	t->fd = open(t->dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	CHECK(t->fd >= 0);
	return t->fd >= 0;
}

/* The host path of an image path of the tree ("etc/passwd"). */
static const char *tree_at(struct tree *t, const char *name)
{
	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
	return t->path;
}

static void tree_file(struct tree *t, const char *name, mode_t mode, const char *text)
{
	int fd = open(tree_at(t, name), O_CREAT | O_WRONLY | O_TRUNC, 0600);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	if (text)
		CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	CHECK(fchmod(fd, mode) == 0); /* after the write: a write clears setuid */
	close(fd);
}

static void tree_remove(struct tree *t)
{
	close(t->fd);
	char cmd[2 * sizeof t->dir + 40];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' && rm -rf '%s'", t->dir, t->dir);
	CHECK(system(cmd) == 0);
}

/* The mounts a container has over its image's files. */
static void container_mounts(void)
{
	static char *points[] = {"/proc", "/sys", "/dev", "/etc/hosts"};
	mounts = points;
	nmounts = sizeof points / sizeof points[0];
	mounts_known = true;
}

/* resolve_in_image and the account files, on a tree: every path is the
 * image's, symlinks (absolute ones too) stay inside the tree, and a path
 * into a mount of the container is refused. */
static void test_resolve(void)
{
	struct tree t;
	if (!tree_make(&t))
		return;
	char resolved[MAX_PATH_BYTES + 1];
	mkdir(tree_at(&t, "etc"), 0755);
	mkdir(tree_at(&t, "real"), 0755);
	tree_file(&t, "real/passwd", 0644, NULL);
	CHECK(symlink("../real/passwd", tree_at(&t, "etc/relative")) == 0);
	CHECK(symlink("/real/passwd", tree_at(&t, "etc/absolute")) == 0);
	CHECK(symlink("/proc/self/environ", tree_at(&t, "etc/into-proc")) == 0);
	CHECK(symlink("../../../../../../../../../../../../../../../../etc/passwd", tree_at(&t, "etc/climbs")) == 0);
	CHECK(symlink("loop2", tree_at(&t, "etc/loop1")) == 0);
	CHECK(symlink("loop1", tree_at(&t, "etc/loop2")) == 0);
	CHECK(symlink("etc", tree_at(&t, "etc-link")) == 0);
	container_mounts();
	CHECK(is_mount_point("/proc"));
	CHECK(!is_mount_point("/"));

	CHECK(resolve_in_image(t.fd, "/etc/relative", resolved) == ID_OK);
	check_bytes("relative link", resolved, strlen(resolved), "/real/passwd", 12);
	CHECK(resolve_in_image(t.fd, "/etc/absolute", resolved) == ID_OK);
	check_bytes("absolute link, inside the image", resolved, strlen(resolved), "/real/passwd", 12);
	CHECK(resolve_in_image(t.fd, "/etc-link/relative", resolved) == ID_OK);
	check_bytes("through a linked directory", resolved, strlen(resolved), "/real/passwd", 12);
	CHECK(resolve_in_image(t.fd, "/etc/into-proc", resolved) == ID_MOUNTED);
	check_bytes("into /proc", resolved, strlen(resolved), "/proc", 5);
	CHECK(resolve_in_image(t.fd, "/etc/climbs", resolved) == ID_ESCAPES);
	CHECK(resolve_in_image(t.fd, "/etc/loop1", resolved) == ID_UNREADABLE);
	CHECK(resolve_in_image(t.fd, "/etc/none", resolved) == ID_MISSING);
	CHECK(resolve_in_image(t.fd, "/proc/self/status", resolved) == ID_MOUNTED);

	struct idfile f;
	idfile_load(t.fd, "/etc/into-proc", &f);
	CHECK(f.status == ID_MOUNTED && f.data == NULL);
	struct plan plan;
	CHECK(refuse_idfile("/etc/passwd", &f, &plan));
	CHECK(!plan.ok && plan.err.p && strstr(plan.err.p, "resolves into /proc, which is mounted") != NULL);
	free(f.resolved);
	idfile_load(t.fd, "/etc/relative", &f);
	CHECK(f.status == ID_OK && f.len == 0);
	CHECK(!refuse_idfile("/etc/passwd", &f, &plan));
	free(f.data);
	free(f.resolved);

	/* The image's own account files: a FIFO is refused without opening it
	 * (an open would block), a link to / is not a regular file. */
	CHECK(mkfifo(tree_at(&t, "etc/passwd"), 0644) == 0);
	tree_file(&t, "etc/group", 0644, "root:x:0:\napp:x:1654:\n");
	struct idfile pw, gr;
	load_accounts(t.fd, &pw, &gr);
	CHECK(pw.status == ID_NOT_REGULAR && pw.data == NULL);
	CHECK(gr.status == ID_OK);
	check_bytes("group read", gr.data, gr.len, "root:x:0:\napp:x:1654:\n", 22);
	free(pw.resolved);
	free(gr.data);
	free(gr.resolved);
	unlink(tree_at(&t, "etc/passwd"));
	CHECK(symlink("/", tree_at(&t, "etc/passwd")) == 0);
	idfile_load(t.fd, "/etc/passwd", &pw);
	CHECK(pw.status == ID_NOT_REGULAR);
	check_bytes("passwd -> /", pw.resolved, strlen(pw.resolved), "/", 1);
	free(pw.resolved);
	nmounts = 0;
	tree_remove(&t);
}

/* Forget what an earlier walk found. */
static void walk_reset(void)
{
	setid_list.n = setid_list.count = 0;
	caps_list.n = caps_list.count = 0;
	unscanned_list.n = unscanned_list.count = 0;
	dirs.n = dirs.names_len = 0;
	dirs.full = false;
	memset(&walk, 0, sizeof walk);
}

static bool setid_has(const char *path, unsigned mode)
{
	for (size_t i = 0; i < setid_list.n; i++) {
		const struct setid_item *it = (const struct setid_item *)setid_list.items + i;
		if (strcmp(it->path, path) == 0 && it->mode == mode)
			return true;
	}
	return false;
}

/* The walk on a tree: what it finds and what it says it could not look at,
 * as the JSON the probe prints. */
static void test_walk(void)
{
	struct tree t;
	if (!tree_make(&t))
		return;
	mkdir(tree_at(&t, "bin"), 0755);
	tree_file(&t, "bin/tool", 04755, "x");
	tree_file(&t, "bin/plain", 0755, "x");
	/* Symlinks (loops, to /, to a setuid file) and special files are never followed. */
	CHECK(symlink("loop2", tree_at(&t, "loop1")) == 0);
	CHECK(symlink("loop1", tree_at(&t, "loop2")) == 0);
	CHECK(symlink("/", tree_at(&t, "root-link")) == 0);
	CHECK(symlink("bin/tool", tree_at(&t, "tool-link")) == 0);
	CHECK(mkfifo(tree_at(&t, "fifo"), 0644) == 0);
	/* A hostile directory name, and a setgid file in it. */
	mkdir(tree_at(&t, "a\nb\"<c>"), 0755);
	tree_file(&t, "a\nb\"<c>/x", 02711, "x");
	/* 300 directories deep: far past the old limit of 256. */
	char deep[1024] = "deep";
	mkdir(tree_at(&t, deep), 0755);
	for (int i = 0; i < 300; i++) {
		strcat(deep, "/d");
		CHECK(mkdir(tree_at(&t, deep), 0755) == 0);
	}
	char deep_file[1100];
	snprintf(deep_file, sizeof deep_file, "%s/suid", deep);
	tree_file(&t, deep_file, 04700, "x");
	/* The probe's own file is skipped, and only that file. */
	tree_file(&t, ".nonroot-guard-probe-00ff", 04755, "x");
	tree_file(&t, ".nonroot-guard-probe-00ff-not", 04755, "x");
	/* /proc, /sys and /dev of the image are mounts over it in a container: skipped. */
	mkdir(tree_at(&t, "proc"), 0755);
	tree_file(&t, "proc/hidden", 04755, "x");
	/* A directory nobody but root may read. */
	mkdir(tree_at(&t, "locked"), 0755);
	tree_file(&t, "locked/secret", 04755, "x");
	CHECK(chmod(tree_at(&t, "locked"), 0) == 0);

	static char skip[] = "/.nonroot-guard-probe-00ff";
	char *saved_skips[MAX_SKIPS];
	size_t saved_n = opt.nskips;
	memcpy(saved_skips, opt.skips, sizeof saved_skips);
	opt.skips[0] = skip;
	opt.nskips = 1;
	walk_reset();
	walk_tree(t.fd, t.dir);

	CHECK(!walk.truncated);
	CHECK(setid_has("/bin/tool", 04755));
	CHECK(setid_has("/a\nb\"<c>/x", 02711));
	char shown[sizeof deep_file + 1];
	snprintf(shown, sizeof shown, "/%s", deep_file);
	CHECK(setid_has(shown, 04700));
	CHECK(setid_has("/.nonroot-guard-probe-00ff-not", 04755));
	CHECK(!setid_has("/.nonroot-guard-probe-00ff", 04755));
	CHECK(!setid_has("/proc/hidden", 04755));
	bool root = geteuid() == 0;
	/* Root (as the probe runs) reads every directory; anyone else is refused one. */
	CHECK(setid_has("/locked/secret", 04755) == root);
	CHECK(setid_list.n == (root ? 5u : 4u));
	CHECK(unscanned_list.n == (root ? 0u : 1u));
	/* Entries: the 12 at the top, 2 in /bin, 1 in the hostile directory, 301 in the deep
	 * tree, 1 in /locked when it can be read; /proc is never entered. */
	CHECK(walk.entries == (root ? 317u : 316u));
	CHECK(walk.directories == (root ? 305u : 304u));

	json_out.len = 0;
	j_open('{');
	emit_list("unscanned", &unscanned_list, sizeof(struct unscanned_item), emit_unscanned);
	j_close('}');
	const char *want = root ? "{\"unscanned\":{\"items\":[],\"count\":0,\"truncated\":false}}"
				: "{\"unscanned\":{\"items\":[{\"path\":\"/locked\",\"reason\":\"permission denied\"}],"
				  "\"count\":1,\"truncated\":false}}";
	check_bytes("unscanned JSON", json_out.p, json_out.len, want, strlen(want));

	/* One setuid file under a hostile name, as the probe prints it. */
	struct tree one;
	if (tree_make(&one)) {
		tree_file(&one, "e\"v\n\x01il", 04755, "x");
		walk_reset();
		walk_tree(one.fd, one.dir);
		json_out.len = 0;
		j_open('{');
		emit_list("setid", &setid_list, sizeof(struct setid_item), emit_setid);
		j_close('}');
		char one_want[256];
		snprintf(one_want, sizeof one_want,
			 "{\"setid\":{\"items\":[{\"path\":\"/e\\\"v\\n\\u0001il\",\"mode\":2541,\"uid\":%u,\"gid\":%u}],"
			 "\"count\":1,\"truncated\":false}}",
			 (unsigned)geteuid(), (unsigned)getegid());
		check_bytes("setid JSON", json_out.p, json_out.len, one_want, strlen(one_want));
		tree_remove(&one);
	}
	opt.nskips = saved_n;
	memcpy(opt.skips, saved_skips, sizeof saved_skips);
	walk_reset();
	tree_remove(&t);
}

int main(void)
{
	test_json();
	test_writer();
	test_atoi();
	test_trim();
	test_path_clean();
	test_utf8_prefix();
	test_users();
	test_home();
	test_resolve();
	test_walk();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
