/*
 * teetest: calls that make the secure side ask the normal world for a
 * service (RPC): shared memory and the time, which the kernel serves, and
 * REE FS, TA loading and RPMB, which need tee-supplicant.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "teetest.h"

/* ---- served by the kernel ------------------------------------------------ */

/* arg: 0 kernel, 1 application (tee-supplicant) memory */
int t_rpc_shm(void)
{
	int kind = test_arg;
	param_t p[NPARAMS] = {val(P_VIN, 100000, kind)};
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_SHM, p);
	note("100000 bytes of %s memory: ret " RET_FMT,
	     kind ? "application" : "kernel", RET(ret));
	return ret != TEE_SUCCESS;
}

int t_rpc_get_time(void)
{
	param_t p[NPARAMS] = {val(P_VOUT, 0, 0)};
	long long diff;
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_GET_TIME, p);
	diff = (long long)p[0].a - (long long)time(NULL);
	note("ret " RET_FMT " tee=%llu.%09llu diff %llds", RET(ret), U(p[0].a),
	     U(p[0].b), diff);
	return ret != TEE_SUCCESS || diff > 120 || diff < -120 ||
	       p[0].b >= 1000000000ull;
}

/* ---- served by tee-supplicant -------------------------------------------- */

/* cmd with [0] MEMREF_INPUT over a copy of in[len], [1] VALUE_OUTPUT. */
static uint32_t call_with_input(uint32_t cmd, const void *in, size_t len,
				param_t *out)
{
	param_t p[NPARAMS] = {0};
	uint8_t *map;
	int id;

	*out = p[1];
	if (pta_open_with_page(&id, &map))
		return IOCTL_FAILED;
	memcpy(map, in, len);
	p[0] = memref(P_MIN, id, 0, len);
	p[1] = val(P_VOUT, 0, 0);
	uint32_t ret = call(cmd, p);
	*out = p[1];
	return ret;
}

int t_rpc_fs(void)
{
	char name[64];
	param_t out;
	uint32_t ret;

	snprintf(name, sizeof(name), "teetest-%d", (int)getpid());
	ret = call_with_input(PTA_TEST_CMD_RPC_FS, name, strlen(name) + 1,
			      &out);
	if (ret == IOCTL_FAILED)
		return 1;
	note("%s: ret " RET_FMT " %llu bytes", name, RET(ret), U(out.a));
	return ret != TEE_SUCCESS || out.a == 0;
}

int t_rpc_load_ta_missing(void)
{
	uint8_t uuid[16];
	param_t out;
	uint32_t ret;

	fill_random(uuid, sizeof(uuid));
	uuid[6] = (uuid[6] & 0x0f) | 0x40; /* a well-formed version 4 UUID */
	uuid[8] = (uuid[8] & 0x3f) | 0x80;
	ret = call_with_input(PTA_TEST_CMD_RPC_LOAD_TA_SIZE, uuid, 16, &out);
	if (ret == IOCTL_FAILED)
		return 1;
	note("ret " RET_FMT, RET(ret));
	return ret != TEE_ERROR_ITEM_NOT_FOUND;
}

int t_rpc_rpmb(void)
{
	param_t p[NPARAMS] = {val(P_VOUT, 0, 0)};
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_RPMB_INFO, p);
	note("ret " RET_FMT " size_mult %llu rel_wr_sec_c %llu", RET(ret),
	     U(p[0].a), U(p[0].b));
	return ret != TEE_SUCCESS || p[0].a == 0 || p[0].b == 0;
}
