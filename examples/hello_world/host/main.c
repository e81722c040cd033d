// SPDX-License-Identifier: BSD-2-Clause
/*
 * hello_world, client side: opens a session with the hello_world Trusted
 * Application and asks it to increment a number.
 *
 * The TA (UUID 8aaaf200-2450-11e4-abe2-0002a5d5c51b) has one command: 0
 * takes a VALUE_INOUT parameter and adds one to value.a.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

#include <tee_client_api.h>

#define TA_HELLO_WORLD_UUID                                                    \
	{                                                                      \
		0x8aaaf200, 0x2450, 0x11e4,                                    \
		{                                                              \
			0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b         \
		}                                                              \
	}
#define TA_HELLO_WORLD_CMD_INC_VALUE 0

int main(void)
{
	const TEEC_UUID uuid = TA_HELLO_WORLD_UUID;
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

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

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].value.a = 42;

	printf("Invoking TA to increment %u\n", op.params[0].value.a);
	res = TEEC_InvokeCommand(&sess, TA_HELLO_WORLD_CMD_INC_VALUE, &op,
				 &origin);
	if (res != TEEC_SUCCESS) {
		TEEC_CloseSession(&sess);
		TEEC_FinalizeContext(&ctx);
		errx(1, "TEEC_InvokeCommand failed with code 0x%x origin 0x%x",
		     res, origin);
	}
	printf("TA incremented value to %u\n", op.params[0].value.a);

	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return 0;
}
