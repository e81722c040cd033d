/*
 * tatest: the GP Internal Core API's properties, time, memory, panic and
 * cancellation functions with their error paths, through gp13_ta's check
 * suites and commands (tests/ta/gp13_ta/include/gp13_ta.h). Most checks
 * run inside the TA and come back as "passed/run" plus the first failure.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gp13_ta.h>

#include "tatest.h"

/* Where tests/qemu/test_user_ta.sh installs the image list. */
#define IMAGE_LIST "/usr/share/tatest/bad_tas.list"

static bool setup(TEEC_Session *s)
{
	TEEC_UUID u = gp13_uuid();

	return ctx_init() && open_ta(s, &u, "gp13");
}

static void teardown(TEEC_Session *s)
{
	TEEC_CloseSession(s);
	TEEC_FinalizeContext(&ctx);
}

/* Runs one GP13_CMD_CHECKS suite on @s; true if every check passed. */
static bool suite_on(TEEC_Session *s, uint32_t suite, const char *what)
{
	char first[200] = "";
	TEEC_Operation op =
		new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE));
	uint32_t origin = 0;
	TEEC_Result r;

	op.params[0].value.a = suite;
	op.params[2].tmpref.buffer = first;
	op.params[2].tmpref.size = sizeof(first) - 1;
	r = TEEC_InvokeCommand(s, GP13_CMD_CHECKS, &op, &origin);
	first[sizeof(first) - 1] = 0;
	expect(r == TEEC_SUCCESS && op.params[1].value.b > 0 &&
		       op.params[1].value.a == op.params[1].value.b,
	       "%s: 0x%08x %s origin %u, %u/%u passed; first failure: %s", what,
	       r, rn(r), origin, op.params[1].value.a, op.params[1].value.b,
	       first[0] ? first : "-");
	note("%s %u/%u; ", what, op.params[1].value.a, op.params[1].value.b);
	return r == TEEC_SUCCESS;
}

static void suite(uint32_t id, const char *what)
{
	TEEC_Session s;

	if (!setup(&s))
		return;
	suite_on(&s, id, what);
	teardown(&s);
}

void t_gp13_props_ta(void)
{
	suite(GP13_SUITE_PROPS_TA, "TA set");
}

void t_gp13_props_tee(void)
{
	suite(GP13_SUITE_PROPS_TEE, "TEE set");
}

void t_gp13_props_client(void)
{
	suite(GP13_SUITE_PROPS_CLIENT, "client set");
}

void t_gp13_prop_enum(void)
{
	suite(GP13_SUITE_PROP_ENUM, "enumerators");
}

void t_gp13_prop_convert(void)
{
	suite(GP13_SUITE_PROP_CONVERT, "conversions");
}

void t_gp13_mem_access(void)
{
	suite(GP13_SUITE_MEM_ACCESS, "own memory");
}

void t_gp13_mem_api(void)
{
	suite(GP13_SUITE_MEM_API, "heap and TEE_Mem*");
}

void t_gp13_random_edges(void)
{
	suite(GP13_SUITE_RANDOM, "random");
}

void t_gp13_raw_syscalls(void)
{
	suite(GP13_SUITE_RAW_SYSCALLS, "time/identity syscalls");
}

void t_gp13_time_wait(void)
{
	suite(GP13_SUITE_TIME, "system time and TEE_Wait");
}

/* TEE_GetREETime is the normal world's wall clock (Linux answers it). */
void t_gp13_ree_time(void)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	TEEC_Session s;
	struct timespec before, after;
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup(&s))
		return;
	clock_gettime(CLOCK_REALTIME, &before);
	r = TEEC_InvokeCommand(&s, GP13_CMD_REE_TIME, &op, &origin);
	clock_gettime(CLOCK_REALTIME, &after);
	expect(r == TEEC_SUCCESS, "REE_TIME: 0x%08x %s origin %u", r, rn(r),
	       origin);
	/* Between the two readings, give or take a second of rounding. */
	expect(op.params[0].value.a + 1 >= (uint64_t)before.tv_sec &&
		       op.params[0].value.a <= (uint64_t)after.tv_sec + 1 &&
		       op.params[0].value.b < 1000,
	       "REE time %u.%03u, client clock %lld..%lld",
	       op.params[0].value.a, op.params[0].value.b,
	       (long long)before.tv_sec, (long long)after.tv_sec);
	note("REE %u.%03u, client %lld", op.params[0].value.a,
	     op.params[0].value.b, (long long)before.tv_sec);
	teardown(&s);
}

/* Twice on one session: cancellation is masked again at every entry. */
void t_gp13_cancel_mask(void)
{
	TEEC_Session s;

	if (!setup(&s))
		return;
	if (suite_on(&s, GP13_SUITE_CANCEL_MASK, "first entry"))
		suite_on(&s, GP13_SUITE_CANCEL_MASK, "second entry");
	teardown(&s);
}

/* Client memrefs: shared memory for TEE_CheckMemoryAccessRights. */
void t_gp13_memref_access(void)
{
	static uint8_t in[200];
	char out[100];
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
		TEEC_VALUE_OUTPUT, TEEC_NONE));
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup(&s))
		return;
	memset(in, 7, sizeof(in));
	memset(out, 0, sizeof(out));
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	op.params[1].tmpref.buffer = out;
	op.params[1].tmpref.size = sizeof(out);
	r = TEEC_InvokeCommand(&s, GP13_CMD_MEMREF_ACCESS, &op, &origin);
	out[sizeof(out) - 1] = 0;
	expect(r == TEEC_SUCCESS && op.params[2].value.b > 0 &&
		       op.params[2].value.a == op.params[2].value.b,
	       "0x%08x %s origin %u, %u/%u passed; first failure: %s", r, rn(r),
	       origin, op.params[2].value.a, op.params[2].value.b,
	       op.params[1].tmpref.size ? out : "-");
	note("memref checks %u/%u", op.params[2].value.a, op.params[2].value.b);
	teardown(&s);
}

static TEEC_Result idata(TEEC_Session *s, uint32_t op_id, uint32_t value,
			 uint32_t *has, uint32_t *got)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE));
	uint32_t origin;
	TEEC_Result r;

	op.params[0].value.a = op_id;
	op.params[0].value.b = value;
	r = TEEC_InvokeCommand(s, GP13_CMD_INSTANCE_DATA, &op, &origin);
	*has = op.params[1].value.a;
	*got = op.params[1].value.b;
	return r;
}

/* gp13 is single-instance, multi-session: both sessions see one datum. */
void t_gp13_instance_data(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Session a, b, c;
	uint32_t has = 9, v = 0;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&a, &u, "gp13 a") ||
	    !open_ta(&b, &u, "gp13 b"))
		return;
	r = idata(&a, GP13_IDATA_GET, 0, &has, &v);
	expect(r == TEEC_SUCCESS && !has, "fresh instance: 0x%08x has %u", r,
	       has);
	r = idata(&a, GP13_IDATA_SET, 0x1234, &has, &v);
	expect(r == TEEC_SUCCESS && has && v == 0x1234, "a set: has %u %#x",
	       has, v);
	r = idata(&b, GP13_IDATA_GET, 0, &has, &v);
	expect(r == TEEC_SUCCESS && has && v == 0x1234,
	       "b sees a's: has %u %#x", has, v);
	r = idata(&b, GP13_IDATA_SET, 0x5678, &has, &v);
	r = idata(&a, GP13_IDATA_GET, 0, &has, &v);
	expect(r == TEEC_SUCCESS && has && v == 0x5678,
	       "a sees b's: has %u %#x", has, v);
	r = idata(&a, GP13_IDATA_CLEAR, 0, &has, &v);
	r = idata(&b, GP13_IDATA_GET, 0, &has, &v);
	expect(r == TEEC_SUCCESS && !has, "cleared: has %u", has);
	idata(&b, GP13_IDATA_SET, 99, &has, &v);
	note("shared between sessions; ");
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
	/* Not keep-alive: the last close ended the instance and its data. */
	if (open_ta(&c, &u, "gp13 c")) {
		r = idata(&c, GP13_IDATA_GET, 0, &has, &v);
		expect(r == TEEC_SUCCESS && !has,
		       "new instance: 0x%08x has %u %#x", r, has, v);
		note("new instance starts empty");
		TEEC_CloseSession(&c);
	}
	TEEC_FinalizeContext(&ctx);
}

struct ta_time {
	TEEC_Result call, res;
	uint32_t seconds, millis;
};

static struct ta_time ta_time(TEEC_Session *s, uint32_t op_id, uint32_t seconds,
			      uint32_t millis)
{
	TEEC_Operation op =
		new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INOUT,
					TEEC_VALUE_OUTPUT, TEEC_NONE));
	struct ta_time t;
	uint32_t origin;

	op.params[0].value.a = op_id;
	op.params[0].value.b = seconds;
	op.params[1].value.a = millis;
	t.call = TEEC_InvokeCommand(s, GP13_CMD_TA_TIME, &op, &origin);
	t.seconds = op.params[1].value.a;
	t.millis = op.params[1].value.b;
	t.res = op.params[2].value.a;
	expect(t.call == TEEC_SUCCESS, "TA_TIME %u: 0x%08x %s origin %u", op_id,
	       t.call, rn(t.call), origin);
	return t;
}

/*
 * Must run before anything sets gp13's TA time in this boot (the core
 * keeps it until reboot): GP's TIME_NOT_SET, with the time zeroed.
 */
void t_gp13_ta_time_not_set(void)
{
	TEEC_Session s;
	struct ta_time t;

	if (!setup(&s))
		return;
	t = ta_time(&s, GP13_TIME_GET, 0, 0);
	expect(t.res == TEE_ERROR_TIME_NOT_SET && !t.seconds && !t.millis,
	       "never set: 0x%08x, %u.%03u; want TIME_NOT_SET 0.000", t.res,
	       t.seconds, t.millis);
	note("0x%08x", t.res);
	teardown(&s);
}

void t_gp13_ta_time(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Session s;
	struct ta_time t, t2;

	if (!setup(&s))
		return;
	t = ta_time(&s, GP13_TIME_SET, 1000, 500);
	expect(!t.res &&
		       (t.seconds > 1000 ||
			(t.seconds == 1000 && t.millis >= 500)) &&
		       t.seconds < 1060 && t.millis < 1000,
	       "set 1000.500, read %u.%03u (0x%08x)", t.seconds, t.millis,
	       t.res);
	t2 = ta_time(&s, GP13_TIME_GET, 0, 0);
	expect(!t2.res && (uint64_t)t2.seconds * 1000 + t2.millis >=
				  (uint64_t)t.seconds * 1000 + t.millis,
	       "went back: %u.%03u then %u.%03u", t.seconds, t.millis,
	       t2.seconds, t2.millis);
	note("set 1000.500: %u.%03u; ", t.seconds, t.millis);
	/* The last session closes: the instance goes, the time stays. */
	TEEC_CloseSession(&s);
	if (!open_ta(&s, &u, "gp13 again"))
		return;
	t = ta_time(&s, GP13_TIME_GET, 0, 0);
	expect(!t.res && t.seconds >= 1000 && t.seconds < 1100,
	       "new instance: %u.%03u (0x%08x)", t.seconds, t.millis, t.res);
	note("new instance: %u.%03u; ", t.seconds, t.millis);
	t = ta_time(&s, GP13_TIME_SET, 0, 0);
	expect(!t.res && t.seconds < 60, "set 0: %u.%03u (0x%08x)", t.seconds,
	       t.millis, t.res);
	teardown(&s);
}

/* GP: OVERFLOW, with the seconds modulo 2^32 still written. */
void t_gp13_ta_time_overflow(void)
{
	TEEC_Session s;
	struct ta_time t;

	if (!setup(&s))
		return;
	t = ta_time(&s, GP13_TIME_WRAP, 0, 0);
	expect(t.res == TEE_ERROR_OVERFLOW && t.seconds < 100 &&
		       t.millis < 1000,
	       "UINT32_MAX.999 + 10 ms: 0x%08x %u.%03u; want OVERFLOW, a few "
	       "seconds",
	       t.res, t.seconds, t.millis);
	note("0x%08x %u.%03u; ", t.res, t.seconds, t.millis);
	t = ta_time(&s, GP13_TIME_SET, 5, 0);
	expect(!t.res && t.seconds >= 5 && t.seconds < 65,
	       "set 5 after the overflow: 0x%08x %u.%03u", t.res, t.seconds,
	       t.millis);
	teardown(&s);
}

/* The image list's "control": gp13's code under another UUID. */
static bool control_uuid(TEEC_UUID *u)
{
	char line[256], name[64], uuid[64];
	FILE *f = fopen(IMAGE_LIST, "r");
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = sscanf(line, "%63s %63s", name, uuid) == 2 &&
			!strcmp(name, "control") && parse_uuid(uuid, u);
	fclose(f);
	return found;
}

/* The time is per TA UUID: gp13's does not show in another TA. */
void t_gp13_ta_time_per_uuid(void)
{
	TEEC_UUID other;
	TEEC_Session s, o;
	struct ta_time t;

	if (!control_uuid(&other)) {
		expect(false, "no control image in %s", IMAGE_LIST);
		return;
	}
	if (!setup(&s))
		return;
	t = ta_time(&s, GP13_TIME_SET, 777, 0);
	expect(!t.res && t.seconds >= 777, "gp13 set 777: 0x%08x %u", t.res,
	       t.seconds);
	if (open_ta(&o, &other, "control image")) {
		t = ta_time(&o, GP13_TIME_GET, 0, 0);
		expect(t.res == TEE_ERROR_TIME_NOT_SET,
		       "other UUID: 0x%08x %u.%03u, want TIME_NOT_SET", t.res,
		       t.seconds, t.millis);
		note("other UUID: 0x%08x; ", t.res);
		TEEC_CloseSession(&o);
	}
	t = ta_time(&s, GP13_TIME_GET, 0, 0);
	expect(!t.res && t.seconds >= 777 && t.seconds < 840,
	       "gp13 after: 0x%08x %u", t.res, t.seconds);
	teardown(&s);
}

struct identity {
	TEEC_Result call;
	uint32_t res, login;
	uint8_t uuid[16];
	char text[64];
};

static struct identity client_id(TEEC_Session *s)
{
	TEEC_Operation op = new_op(
		TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_MEMREF_TEMP_OUTPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE));
	struct identity id;
	uint32_t origin;

	memset(&id, 0, sizeof(id));
	op.params[1].tmpref.buffer = id.uuid;
	op.params[1].tmpref.size = sizeof(id.uuid);
	op.params[2].tmpref.buffer = id.text;
	op.params[2].tmpref.size = sizeof(id.text) - 1;
	id.call = TEEC_InvokeCommand(s, GP13_CMD_CLIENT_ID, &op, &origin);
	id.res = op.params[0].value.a;
	id.login = op.params[0].value.b;
	expect(id.call == TEEC_SUCCESS && id.res == TEEC_SUCCESS,
	       "CLIENT_ID: 0x%08x %s, property 0x%08x", id.call, rn(id.call),
	       id.res);
	return id;
}

/* "<login>:<uuid>" as GP prints an identity, from the octets. */
static void identity_text(char *buf, size_t n, uint32_t login, const uint8_t *o)
{
	snprintf(buf, n,
		 "%u:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 login, o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8],
		 o[9], o[10], o[11], o[12], o[13], o[14], o[15]);
}

void t_gp13_client_identity(void)
{
	static const uint8_t nil[16];
	TEEC_UUID u = gp13_uuid();
	TEEC_Session s;
	struct identity id;
	char want[64];
	uint32_t origin = 0;
	TEEC_Result r;

	if (!setup(&s))
		return;
	id = client_id(&s);
	expect(id.login == TEEC_LOGIN_PUBLIC && !memcmp(id.uuid, nil, 16) &&
		       !strcmp(id.text,
			       "0:00000000-0000-0000-0000-000000000000"),
	       "PUBLIC: login %#x text '%s'", id.login, id.text);
	note("PUBLIC: '%s'; ", id.text);
	TEEC_CloseSession(&s);

	/* LOGIN_USER: Linux derives a UUIDv5 from the euid. */
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_USER, NULL, NULL,
			     &origin);
	expect(r == TEEC_SUCCESS, "open with LOGIN_USER: 0x%08x %s origin %u",
	       r, rn(r), origin);
	if (r == TEEC_SUCCESS) {
		id = client_id(&s);
		identity_text(want, sizeof(want), TEEC_LOGIN_USER, id.uuid);
		/* Octet 6 holds the version, octet 8 the variant. */
		expect(id.login == TEEC_LOGIN_USER && id.uuid[6] >> 4 == 5 &&
			       (id.uuid[8] & 0xc0) == 0x80 &&
			       !strcmp(id.text, want),
		       "USER: login %#x text '%s', want a v5 UUID as '%s'",
		       id.login, id.text, want);
		note("USER: '%s'", id.text);
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}

struct cancel_call {
	TEEC_Session *s;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	atomic_int done;
};

static void *cancel_thread(void *arg)
{
	struct cancel_call *c = arg;

	c->res = TEEC_InvokeCommand(c->s, GP13_CMD_CANCEL_WAIT, &c->op,
				    &c->origin);
	atomic_store(&c->done, 1);
	return NULL;
}

/*
 * TEE_Wait returns TEE_ERROR_CANCEL once the client asks, cancellation
 * masking hides the request and unmasking shows it again.
 */
void t_gp13_cancel_wait(void)
{
	static struct cancel_call c; /* outlives us if the thread hangs */
	const uint32_t all = GP13_CW_MASKED_AT_ENTRY | GP13_CW_WAIT_CANCELLED |
			     GP13_CW_FLAG_SET | GP13_CW_MASK_HIDES_FLAG |
			     GP13_CW_MASKED_WAIT_RUNS |
			     GP13_CW_UNMASK_SHOWS_FLAG |
			     GP13_CW_WAIT_CANCELLED_NOW;
	static TEEC_Session s;
	unsigned int requests = 0;
	pthread_t th;
	double t0;

	if (!setup(&s))
		return;
	c.s = &s;
	c.op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE,
				       TEEC_NONE));
	t0 = now_s();
	if (pthread_create(&th, NULL, cancel_thread, &c)) {
		expect(false, "pthread_create");
		return;
	}
	/* libteec sets op.session once the call is on its way. */
	while (!__atomic_load_n(&c.op.session, __ATOMIC_ACQUIRE) &&
	       now_s() - t0 < 5)
		sleep_ms(5);
	while (!atomic_load(&c.done) && now_s() - t0 < 70) {
		TEEC_RequestCancellation(&c.op);
		requests++;
		sleep_ms(20);
	}
	if (!atomic_load(&c.done)) {
		expect(false, "CANCEL_WAIT not back after 70 s (%u requests)",
		       requests);
		return;
	}
	pthread_join(th, NULL);
	expect(c.res == TEEC_SUCCESS && c.op.params[0].value.a == all,
	       "0x%08x %s origin %u, observed %#x of %#x", c.res, rn(c.res),
	       c.origin, c.op.params[0].value.a, all);
	note("observed %#x after %u waits, %u requests", c.op.params[0].value.a,
	     c.op.params[0].value.b, requests);
	teardown(&s);
}

static const char *const misuse_names[GP13_MISUSE_COUNT] = {
	"bad_propset",	  "freed_enum",	   "start_bad_set", "null_name",
	"null_value",	  "null_len",	   "free_bad_enum", "name_bad_enum",
	"reset_bad_enum", "alloc_null",	   "random_null",   "set_time_millis",
	"get_time_null",  "set_time_null", "systime_null",  "reetime_null",
	"free_wild",	  "realloc_wild",  "panic_zero",    "binary_null_len",
	"value_rodata",
};

/* Every misuse GP says panics: TARGET_DEAD from the TEE, every time. */
void t_gp13_misuse_panics(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Session s;
	uint32_t x, y, origin;
	int dead = 0;
	TEEC_Result r;

	if (!ctx_init())
		return;
	for (uint32_t m = 0; m < GP13_MISUSE_COUNT; m++) {
		TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));

		if (!open_ta(&s, &u, misuse_names[m]))
			continue;
		op.params[0].value.a = m;
		origin = 0;
		r = TEEC_InvokeCommand(&s, GP13_CMD_MISUSE, &op, &origin);
		expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
		       "%s: 0x%08x %s origin %u, want TARGET_DEAD/TEE",
		       misuse_names[m], r, rn(r), origin);
		dead += r == TEEC_ERROR_TARGET_DEAD;
		r = gp13_sizes(&s, &x, &y, &origin);
		expect(r == TEEC_ERROR_TARGET_DEAD,
		       "%s: next call 0x%08x %s, want TARGET_DEAD",
		       misuse_names[m], r, rn(r));
		TEEC_CloseSession(&s);
	}
	note("%d of %d panicked; ", dead, GP13_MISUSE_COUNT);
	/* A fresh instance afterwards. */
	if (open_ta(&s, &u, "gp13 after")) {
		r = gp13_sizes(&s, &x, &y, &origin);
		expect(r == TEEC_SUCCESS && x == 8, "after: 0x%08x %s", r,
		       rn(r));
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}

/* A panic in TA_OpenSessionEntryPoint: the open fails TARGET_DEAD. */
void t_gp13_panic_open_session(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
						    TEEC_NONE, TEEC_NONE));
	TEEC_Session s;
	uint32_t x, y, origin = 0;
	TEEC_Result r;

	if (!ctx_init())
		return;
	op.params[0].value.a = GP13_OPEN_PANIC;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, &op,
			     &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
	       "open: 0x%08x %s origin %u, want TARGET_DEAD/TEE", r, rn(r),
	       origin);
	note("open: %s origin %u; ", rn(r), origin);
	if (r == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	if (open_ta(&s, &u, "gp13 after")) {
		r = gp13_sizes(&s, &x, &y, &origin);
		expect(r == TEEC_SUCCESS, "after: 0x%08x %s", r, rn(r));
		note("next open: %s", rn(r));
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}
