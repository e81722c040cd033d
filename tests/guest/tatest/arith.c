/*
 * tatest: the GP Arithmetical API through arith_ta (tests/ta/arith_ta,
 * include/arith_ta.h). The vectors and their expected results come from
 * the host (tests/ta/arith_ta/gen_vectors.py, Python's exact integers),
 * installed as /usr/share/tatest/arith.vec (or $TATEST_ARITH_VECTORS);
 * each arith_<group> test runs the lines of its group and compares every
 * TEE_Result, scalar and result byte for byte. A vector expecting PANIC
 * must kill the TA instance (TEE_ERROR_TARGET_DEAD, origin TEE); the next
 * vector then runs in a fresh session.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arith_ta.h>

#include "tatest.h"

#define VEC_PATH "/usr/share/tatest/arith.vec"
#define MAX_IN 3
#define MAX_OUT 3
#define MAX_BYTES 2048
#define REQ_SIZE                                                               \
	(sizeof(struct arith_req) +                                            \
	 MAX_IN * (sizeof(struct arith_num) + MAX_BYTES))
#define RSP_SIZE (16 * 1024)

struct num {
	bool neg;
	uint32_t len;
	uint8_t b[MAX_BYTES];
};

struct vec {
	int line;
	char op[24];
	struct arith_req req;
	struct num in[MAX_IN];
	bool panic;
	uint32_t res;
	int32_t scalar;
	uint32_t nout;
	struct num out[MAX_OUT];
};

static const char *const op_names[ARITH_OP_END] = {
	[ARITH_OP_SIZES] = "sizes",
	[ARITH_OP_INIT] = "init",
	[ARITH_OP_FROM_OCTET] = "from_octet",
	[ARITH_OP_TO_OCTET] = "to_octet",
	[ARITH_OP_FROM_S32] = "from_s32",
	[ARITH_OP_TO_S32] = "to_s32",
	[ARITH_OP_CMP] = "cmp",
	[ARITH_OP_CMP_S32] = "cmp_s32",
	[ARITH_OP_SHIFT_RIGHT] = "shift_right",
	[ARITH_OP_GET_BIT] = "get_bit",
	[ARITH_OP_BIT_COUNT] = "bit_count",
	[ARITH_OP_SET_BIT] = "set_bit",
	[ARITH_OP_ASSIGN] = "assign",
	[ARITH_OP_ABS] = "abs",
	[ARITH_OP_ADD] = "add",
	[ARITH_OP_SUB] = "sub",
	[ARITH_OP_NEG] = "neg",
	[ARITH_OP_MUL] = "mul",
	[ARITH_OP_SQUARE] = "square",
	[ARITH_OP_DIV] = "div",
	[ARITH_OP_MOD] = "mod",
	[ARITH_OP_ADD_MOD] = "add_mod",
	[ARITH_OP_SUB_MOD] = "sub_mod",
	[ARITH_OP_MUL_MOD] = "mul_mod",
	[ARITH_OP_SQUARE_MOD] = "square_mod",
	[ARITH_OP_INV_MOD] = "inv_mod",
	[ARITH_OP_EXP_MOD] = "exp_mod",
	[ARITH_OP_REL_PRIME] = "rel_prime",
	[ARITH_OP_EGCD] = "egcd",
	[ARITH_OP_IS_PRIME] = "is_prime",
	[ARITH_OP_FMM] = "fmm",
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* "+hex" or "-hex" (exact bytes); false if malformed. */
static bool parse_num(const char *s, size_t n, struct num *x)
{
	if (n < 1 || (s[0] != '+' && s[0] != '-') || (n - 1) % 2 ||
	    (n - 1) / 2 > MAX_BYTES)
		return false;
	x->neg = s[0] == '-';
	x->len = (uint32_t)(n - 1) / 2;
	for (uint32_t i = 0; i < x->len; i++) {
		int hi = hexval(s[1 + 2 * i]), lo = hexval(s[2 + 2 * i]);

		if (hi < 0 || lo < 0)
			return false;
		x->b[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

/* "-" or comma-separated numbers; the count or -1. */
static int parse_list(const char *s, struct num *x, int max)
{
	int n = 0;

	if (!strcmp(s, "-"))
		return 0;
	for (;;) {
		const char *e = strchrnul(s, ',');

		if (n == max || !parse_num(s, (size_t)(e - s), &x[n]))
			return -1;
		n++;
		if (!*e)
			return n;
		s = e + 1;
	}
}

static int find_op(const char *name)
{
	for (int i = ARITH_OP_SIZES; i < ARITH_OP_END; i++)
		if (op_names[i] && !strcmp(op_names[i], name))
			return i;
	return -1;
}

/* One line of the vector file into v; false if malformed. */
static bool parse_vec(char *line, struct vec *v)
{
	char *f[10], *save = NULL;
	int n = 0, op;

	for (char *t = strtok_r(line, " \n", &save); t && n < 10;
	     t = strtok_r(NULL, " \n", &save))
		f[n++] = t;
	if (n != 10 || (op = find_op(f[1])) < 0)
		return false;
	snprintf(v->op, sizeof(v->op), "%s", f[1]);
	v->req.op = (uint32_t)op;
	v->req.flags = (uint32_t)strtoul(f[2], NULL, 16);
	v->req.dest_bits = !strcmp(f[3], "d")
				   ? ARITH_DEST_DEFAULT
				   : (uint32_t)strtoul(f[3], NULL, 10);
	v->req.s1 = (int32_t)strtol(f[4], NULL, 10);
	v->req.s2 = (uint32_t)strtoul(f[5], NULL, 10);
	n = parse_list(f[6], v->in, MAX_IN);
	if (n < 0)
		return false;
	v->req.nin = (uint32_t)n;
	v->panic = !strcmp(f[7], "PANIC");
	v->res = (uint32_t)strtoul(f[7], NULL, 16);
	v->scalar = (int32_t)strtol(f[8], NULL, 10);
	n = parse_list(f[9], v->out, MAX_OUT);
	v->nout = (uint32_t)n;
	return n >= 0;
}

static size_t put_num(uint8_t *p, const struct num *x)
{
	struct arith_num h = {.neg = x->neg, .len = x->len};

	memcpy(p, &h, sizeof(h));
	memcpy(p + sizeof(h), x->b, x->len);
	return sizeof(h) + x->len;
}

/* Compares the response with v's expectations; the first difference. */
static const char *check_rsp(const struct vec *v, const uint8_t *p, size_t size)
{
	static char why[160];
	struct arith_rsp rsp;
	size_t off = sizeof(rsp);

	if (size < sizeof(rsp))
		return "short response";
	memcpy(&rsp, p, sizeof(rsp));
	if (rsp.res != v->res) {
		snprintf(why, sizeof(why), "res 0x%08x, want 0x%08x", rsp.res,
			 v->res);
		return why;
	}
	if (rsp.scalar != v->scalar) {
		snprintf(why, sizeof(why), "scalar %d, want %d", rsp.scalar,
			 v->scalar);
		return why;
	}
	if (rsp.nout != v->nout) {
		snprintf(why, sizeof(why), "%u results, want %u", rsp.nout,
			 v->nout);
		return why;
	}
	for (uint32_t i = 0; i < rsp.nout; i++) {
		const struct num *x = &v->out[i];
		struct arith_num h;

		if (size - off < sizeof(h))
			return "truncated result";
		memcpy(&h, p + off, sizeof(h));
		off += sizeof(h);
		if (size - off < h.len)
			return "truncated result bytes";
		if (h.neg != x->neg || h.len != x->len ||
		    memcmp(p + off, x->b, h.len)) {
			snprintf(
				why, sizeof(why),
				"result %u: %s%u bytes %02x.., want %s%u bytes "
				"%02x..",
				i, h.neg ? "-" : "+", h.len, h.len ? p[off] : 0,
				x->neg ? "-" : "+", x->len,
				x->len ? x->b[0] : 0);
			return why;
		}
		off += h.len;
	}
	return off == size ? NULL : "trailing bytes in the response";
}

struct group_run {
	TEEC_Session s;
	bool open;
	int vectors, panics, failed;
};

static bool reopen(struct group_run *g)
{
	TEEC_UUID u = ARITH_TA_UUID;

	if (g->open)
		TEEC_CloseSession(&g->s);
	g->open = open_ta(&g->s, &u, "arith_ta");
	return g->open;
}

static void run_vec(struct group_run *g, const struct vec *v)
{
	static uint8_t req[REQ_SIZE], rsp[RSP_SIZE];
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
						    TEEC_MEMREF_TEMP_OUTPUT,
						    TEEC_NONE, TEEC_NONE));
	size_t n = sizeof(v->req);
	uint32_t origin = 0;
	const char *why;
	TEEC_Result r;

	memcpy(req, &v->req, sizeof(v->req));
	for (uint32_t i = 0; i < v->req.nin; i++)
		n += put_num(req + n, &v->in[i]);
	op.params[0].tmpref.buffer = req;
	op.params[0].tmpref.size = n;
	op.params[1].tmpref.buffer = rsp;
	op.params[1].tmpref.size = sizeof(rsp);
	r = TEEC_InvokeCommand(&g->s, ARITH_CMD_RUN, &op, &origin);
	g->vectors++;
	if (v->panic) {
		g->panics++;
		if (r != TEEC_ERROR_TARGET_DEAD || origin != TEEC_ORIGIN_TEE) {
			g->failed++;
			expect(false,
			       "line %d %s flags %x: 0x%08x %s origin %u, "
			       "want a panic",
			       v->line, v->op, v->req.flags, r, rn(r), origin);
		}
		reopen(g);
		return;
	}
	if (r != TEEC_SUCCESS) {
		g->failed++;
		expect(false, "line %d %s flags %x: 0x%08x %s origin %u",
		       v->line, v->op, v->req.flags, r, rn(r), origin);
		if (r == TEEC_ERROR_TARGET_DEAD)
			reopen(g);
		return;
	}
	why = check_rsp(v, rsp, op.params[1].tmpref.size);
	if (why) {
		g->failed++;
		expect(false, "line %d %s flags %x: %s", v->line, v->op,
		       v->req.flags, why);
	}
}

static void run_group(const char *group)
{
	const char *path = getenv("TATEST_ARITH_VECTORS");
	struct group_run g = {0};
	static struct vec v;
	char seed[32] = "?", *line = NULL;
	size_t cap = 0;
	double t0 = now_s();
	bool ctx_ok = false;
	int lineno = 0;
	FILE *f;

	f = fopen(path ? path : VEC_PATH, "r");
	expect(f != NULL, "cannot open %s", path ? path : VEC_PATH);
	if (!f || !(ctx_ok = ctx_init()) || !reopen(&g))
		goto out;
	while (getline(&line, &cap, f) > 0 && g.open) {
		size_t glen = strlen(group);

		lineno++;
		if (line[0] == '#') {
			char *s = strstr(line, "seed ");

			if (s)
				sscanf(s + 5, "%31s", seed);
			continue;
		}
		if (strncmp(line, group, glen) || line[glen] != ' ')
			continue;
		memset(&v, 0, sizeof(v));
		v.line = lineno;
		if (!parse_vec(line, &v)) {
			expect(false, "line %d: malformed vector", lineno);
			break;
		}
		run_vec(&g, &v);
	}
	expect(g.vectors > 0, "no vectors for group %s", group);
	note("%d vectors, %d failed, %d panics, seed %s, %.1f s", g.vectors,
	     g.failed, g.panics, seed, now_s() - t0);
out:
	free(line);
	if (f)
		fclose(f);
	if (g.open)
		TEEC_CloseSession(&g.s);
	if (ctx_ok)
		TEEC_FinalizeContext(&ctx);
}

void t_arith_convert(void)
{
	run_group("convert");
}

void t_arith_logic(void)
{
	run_group("logic");
}

void t_arith_basic(void)
{
	run_group("basic");
}

void t_arith_mod(void)
{
	run_group("mod");
}

void t_arith_expmod(void)
{
	run_group("expmod");
}

void t_arith_gcd(void)
{
	run_group("gcd");
}

void t_arith_prime(void)
{
	run_group("prime");
}

void t_arith_fmm(void)
{
	run_group("fmm");
}

void t_arith_random(void)
{
	run_group("random");
}

void t_arith_panic(void)
{
	run_group("panic");
}
