// SPDX-License-Identifier: BSD-2-Clause
/*
 * random, client side: asks the random TA for N bytes (default 32) and
 * prints them as one line of lower-case hex (an empty line for N = 0).
 *
 *   random [N]     0 <= N <= 4096; anything else prints usage, exit 2
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <random_ta.h>
#include <tee_client_api.h>

#define DEFAULT_SIZE 32

static void usage(void)
{
	fprintf(stderr, "usage: random [N]   (N bytes, 0..%d, default %d)\n",
		TA_RANDOM_MAX_SIZE, DEFAULT_SIZE);
	exit(2);
}

/* Plain decimal only: strtoul alone would accept "-1", " 7" and "0x10". */
static size_t parse_size(const char *s)
{
	unsigned long n;
	char *end;

	if (*s < '0' || *s > '9')
		usage();
	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno || *end || n > TA_RANDOM_MAX_SIZE)
		usage();
	return n;
}

int main(int argc, char *argv[])
{
	const TEEC_UUID uuid = TA_RANDOM_UUID;
	static uint8_t buf[TA_RANDOM_MAX_SIZE];
	size_t n = DEFAULT_SIZE;
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Operation op = {0};
	TEEC_Result res;
	uint32_t origin;

	if (argc > 2)
		usage();
	if (argc == 2)
		n = parse_size(argv[1]);

	res = TEEC_InitializeContext(NULL, &ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_InitializeContext failed with code 0x%x", res);
	res = TEEC_OpenSession(&ctx, &sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &origin);
	if (res != TEEC_SUCCESS) {
		TEEC_FinalizeContext(&ctx);
		errx(1, "TEEC_OpenSession failed with code 0x%x origin 0x%x",
		     res, origin);
	}

	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	/* A zero-length request is a NULL memref, as GP allows. */
	op.params[0].tmpref.buffer = n ? buf : NULL;
	op.params[0].tmpref.size = n;
	res = TEEC_InvokeCommand(&sess, TA_RANDOM_CMD_GENERATE, &op, &origin);
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "TEEC_InvokeCommand failed with code 0x%x origin 0x%x",
		     res, origin);
	if (op.params[0].tmpref.size != n)
		errx(1, "the TA returned %zu bytes, not %zu",
		     op.params[0].tmpref.size, n);

	for (size_t i = 0; i < n; i++)
		printf("%02x", buf[i]);
	putchar('\n');
	return 0;
}
