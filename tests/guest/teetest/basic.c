/* teetest: single calls (version, sessions, values, parameter checks). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "teetest.h"

int t_version(void)
{
	struct tee_ioctl_version_data v = {0};
	uint32_t want =
		TEE_GEN_CAP_GP | TEE_GEN_CAP_REG_MEM | TEE_GEN_CAP_MEMREF_NULL;
	int fd = tee_open();

	if (fd < 0)
		return 1;
	if (ioctl(fd, TEE_IOC_VERSION, &v)) {
		note("VERSION: %s", strerror(errno));
		return 1;
	}
	note("impl_id=%u impl_caps=0x%x gen_caps=0x%x", v.impl_id, v.impl_caps,
	     v.gen_caps);
	if ((v.gen_caps & want) != want)
		note(" missing gen_caps 0x%x", want & ~v.gen_caps);
	return v.impl_id != TEE_IMPL_ID_OPTEE ||
	       !(v.impl_caps & TEE_OPTEE_CAP_TZ) || (v.gen_caps & want) != want;
}

int t_open_close(void)
{
	struct tee_ioctl_close_session_arg c;

	if (pta_open())
		return 1;
	c.session = session;
	if (ioctl(tee_fd, TEE_IOC_CLOSE_SESSION, &c)) {
		note("CLOSE_SESSION %u: %s", session, strerror(errno));
		return 1;
	}
	note("session %u opened and closed", session);
	return 0;
}

int t_unknown_uuid(void)
{
	/* A random version 4 UUID that nothing implements. */
	static const uint8_t bogus[16] = {0x5c, 0x0f, 0x61, 0x3e, 0x9b, 0x2d,
					  0x4a, 0x71, 0x8e, 0x44, 0x02, 0xd9,
					  0x73, 0xa1, 0x6b, 0xf0};
	uint32_t s, ret, origin;
	int fd = tee_open(), rc;

	if (fd < 0)
		return 1;
	rc = open_session(fd, bogus, &s, &ret, &origin);
	if (rc) {
		note("OPEN_SESSION ioctl: %s", strerror(-rc));
		return 1;
	}
	note("ret " RET_FMT " origin %u", RET(ret), origin);
	return ret != TEE_ERROR_ITEM_NOT_FOUND || origin != TEE_ORIGIN_TEE;
}

int t_value_add(void)
{
	/* The sum wraps: 0xfffffff0 + 0x20 = 0x10 (mod 2^32). */
	param_t p[NPARAMS] = {val(P_VIN, 0xfffffff0, 0x20), val(P_VOUT, 0, 0)};
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_ADD, p);
	note("ret " RET_FMT " out.a=0x%llx out.b=0x%llx", RET(ret), U(p[1].a),
	     U(p[1].b));
	return ret != TEE_SUCCESS || p[1].a != 0x10 ||
	       p[1].b != (0xfffffff0u ^ 0x20u);
}

int t_bad_param_types(void)
{
	param_t p1[NPARAMS] = {0}, p2[NPARAMS] = {val(P_VIN, 1, 2)};
	param_t p3[NPARAMS] = {0};
	uint32_t r1, r2, r3, o3 = 0;
	uint8_t *map;
	int id;

	if (pta_open_with_page(&id, &map))
		return 1;
	/* A valid memref where a value goes. */
	p1[0] = memref(P_MIN, id, 0, 16);
	r1 = call(PTA_TEST_CMD_ADD, p1);
	r2 = call(PTA_TEST_CMD_ADD, p2); /* the VALUE_OUTPUT is missing */
	if (invoke(tee_fd, session, 0x1234, 0, p3, &r3, &o3))
		r3 = IOCTL_FAILED;
	note("memref-for-value:%s missing-output:%s cmd-0x1234:%s(origin %u)",
	     ret_name(r1), ret_name(r2), ret_name(r3), o3);
	return r1 != TEE_ERROR_BAD_PARAMETERS ||
	       r2 != TEE_ERROR_BAD_PARAMETERS ||
	       (r3 != TEE_ERROR_BAD_PARAMETERS &&
		r3 != TEE_ERROR_NOT_IMPLEMENTED &&
		r3 != TEE_ERROR_NOT_SUPPORTED);
}
