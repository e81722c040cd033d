// SPDX-License-Identifier: BSD-2-Clause
/*
 * counter, client side: drives the counter TA, whose single instance keeps
 * one count for every client and survives the closing of all sessions.
 *
 *   counter inc | get | reset   one session: the command, "count N"
 *   counter demo                two sessions at once, then a fresh one,
 *                               showing they all see the same count
 * Anything else prints usage, exit 2.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <counter_ta.h>
#include <tee_client_api.h>

struct reply {
	uint32_t count;
	uint32_t sessions;
};

static TEEC_Context ctx;

static void open_session(TEEC_Session *sess)
{
	const TEEC_UUID uuid = TA_COUNTER_UUID;
	uint32_t origin;
	TEEC_Result res;

	res = TEEC_OpenSession(&ctx, sess, &uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			       &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_OpenSession failed with code 0x%x origin 0x%x",
		     res, origin);
}

static struct reply command(TEEC_Session *sess, uint32_t cmd)
{
	TEEC_Operation op = {0};
	uint32_t origin;
	TEEC_Result res;

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(sess, cmd, &op, &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_InvokeCommand failed with code 0x%x origin 0x%x",
		     res, origin);
	return (struct reply){op.params[0].value.a, op.params[0].value.b};
}

static int one_command(uint32_t cmd)
{
	TEEC_Session sess;
	struct reply r;

	open_session(&sess);
	r = command(&sess, cmd);
	TEEC_CloseSession(&sess);
	printf("count %u\n", r.count);
	return 0;
}

/* Exit status 1 if any step sees something other than one shared count. */
static int demo(void)
{
	TEEC_Session a, b, c;
	struct reply ra, rb, rc;
	int ok = 1;

	open_session(&a);
	ra = command(&a, TA_COUNTER_CMD_INC);
	printf("session A: inc -> count %u, %u session(s) open\n", ra.count,
	       ra.sessions);
	open_session(&b);
	rb = command(&b, TA_COUNTER_CMD_INC);
	printf("session B: inc -> count %u, %u session(s) open\n", rb.count,
	       rb.sessions);
	ok &= rb.count == ra.count + 1 && rb.sessions == ra.sessions + 1;
	ra = command(&a, TA_COUNTER_CMD_GET);
	printf("session A: get -> count %u\n", ra.count);
	ok &= ra.count == rb.count;
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
	printf("sessions A and B closed\n");

	open_session(&c);
	rc = command(&c, TA_COUNTER_CMD_GET);
	TEEC_CloseSession(&c);
	printf("session C: get -> count %u, %u session(s) open\n", rc.count,
	       rc.sessions);
	ok &= rc.count == rb.count && rc.sessions == rb.sessions - 1;
	printf("demo: %s\n",
	       ok ? "ok, one count shared and kept alive" : "FAILED");
	return !ok;
}

static void usage(void)
{
	fprintf(stderr, "usage: counter inc|get|reset|demo\n");
	exit(2);
}

int main(int argc, char *argv[])
{
	static const struct {
		const char *name;
		uint32_t cmd;
	} cmds[] = {
		{"inc", TA_COUNTER_CMD_INC},
		{"get", TA_COUNTER_CMD_GET},
		{"reset", TA_COUNTER_CMD_RESET},
	};
	const size_t ncmds = sizeof(cmds) / sizeof(cmds[0]);
	size_t i = 0;
	TEEC_Result res;
	int rc;

	if (argc != 2)
		usage();
	while (i < ncmds && strcmp(argv[1], cmds[i].name))
		i++;
	if (i == ncmds && strcmp(argv[1], "demo"))
		usage();

	res = TEEC_InitializeContext(NULL, &ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_InitializeContext failed with code 0x%x", res);
	rc = i < ncmds ? one_command(cmds[i].cmd) : demo();
	TEEC_FinalizeContext(&ctx);
	return rc;
}
