/*
 * The RNG pseudo TA and the device-enumeration PTA on the host: logins,
 * parameter checks, the quality claim per seed source, and the device list
 * Linux binds optee-rng from. The DRBG is fakes/fake_crypto_rng.c.
 */
#include <rampart/abi/pta_rng.h>
#include <string.h>
#include <tee/pta.h>
#include <tee/session.h>

#include "fakes/fake_crypto_rng.h"
#include "harness.h"

#define NONE TEE_PARAM_TYPE_NONE
#define ONE(t) TEE_PARAM_TYPES(t, NONE, NONE, NONE)
#define INOUT TEE_PARAM_TYPE_MEMREF_INOUT
#define MOUT TEE_PARAM_TYPE_MEMREF_OUTPUT
#define VOUT TEE_PARAM_TYPE_VALUE_OUTPUT

static const uint8_t rng_uuid[16] = PTA_RNG_UUID_OCTETS;
static const uint8_t device_uuid[16] = {0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde,
					0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c,
					0x4d, 0xdf, 0x13, 0xb8};

static TEE_Result rng_open(uint32_t login, uint32_t types)
{
	const struct tee_identity who = {.login = login};
	union tee_param p[4] = {0};
	void *ctx = NULL;

	return pta_rng.open_session(&who, types, p, &ctx);
}

static TEE_Result rng_call(uint32_t cmd, uint32_t types, void *buf, size_t size,
			   union tee_param p[4])
{
	memset(p, 0, 4 * sizeof(*p));
	p[0].memref.buffer = buf;
	p[0].memref.size = size;
	return pta_rng.invoke(NULL, cmd, types, p);
}

static TEE_Result enum_call(uint32_t cmd, void *buf, size_t *size)
{
	union tee_param p[4] = {0};
	TEE_Result res;

	p[0].memref.buffer = buf;
	p[0].memref.size = *size;
	res = pta_device_enum.invoke(NULL, cmd, ONE(MOUT), p);
	*size = p[0].memref.size;
	return res;
}

TEST(rng_pta_is_built_in)
{
	CHECK(pta_find(rng_uuid) == &pta_rng);
}

TEST(rng_pta_kernel_logins_only)
{
	CHECK_EQ(rng_open(TEE_LOGIN_PUBLIC, 0), TEE_SUCCESS);
	CHECK_EQ(rng_open(TEE_LOGIN_REE_KERNEL, 0), TEE_SUCCESS);
	/* USER, GROUP, APPLICATION and its variants, a TA, other values. */
	for (uint32_t l = 1; l <= 6; l++)
		CHECK_EQ(rng_open(l, 0), TEE_ERROR_ACCESS_DENIED);
	CHECK_EQ(rng_open(TEE_LOGIN_TRUSTED_APP, 0), TEE_ERROR_ACCESS_DENIED);
	CHECK_EQ(rng_open(TEE_LOGIN_REE_KERNEL + 1, 0),
		 TEE_ERROR_ACCESS_DENIED);
	/* Open takes no parameters. */
	CHECK_EQ(rng_open(TEE_LOGIN_PUBLIC, ONE(TEE_PARAM_TYPE_VALUE_INPUT)),
		 TEE_ERROR_BAD_PARAMETERS);
}

/* session_open hands the client's login to the PTA's open hook. */
TEST(rng_pta_login_through_session_open)
{
	struct tee_identity who = {.login = 1 /* USER */};
	struct tee_call_params cp;
	uint32_t id = 0, origin = 0;

	memset(&cp, 0, sizeof(cp));
	CHECK_EQ(session_open(rng_uuid, &who, NULL, &cp, &id, &origin),
		 TEE_ERROR_ACCESS_DENIED);
	CHECK_EQ(origin, TEE_ORIGIN_TRUSTED_APP);
	who.login = TEE_LOGIN_PUBLIC;
	CHECK_EQ(session_open(rng_uuid, &who, NULL, &cp, &id, &origin),
		 TEE_SUCCESS);
	CHECK_EQ(session_close(id, NULL), TEE_SUCCESS);
}

TEST(rng_pta_get_entropy)
{
	uint8_t buf[PTA_RNG_MAX_ENTROPY_SIZE + 1], zero[64] = {0};
	union tee_param p[4];

	fake_rng_read_result = TEE_SUCCESS;
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf, 64, p),
		 TEE_SUCCESS);
	CHECK_EQ(p[0].memref.size, 64);
	CHECK(memcmp(buf, zero, 64) != 0);
	CHECK_EQ(buf[64], 0); /* nothing beyond the size asked */
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf,
			  PTA_RNG_MAX_ENTROPY_SIZE, p),
		 TEE_SUCCESS);
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf, 0, p),
		 TEE_SUCCESS);
	/* A DRBG failure reaches the caller instead of stale bytes. */
	fake_rng_read_result = TEE_ERROR_GENERIC;
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf, 16, p),
		 TEE_ERROR_GENERIC);
	fake_rng_read_result = TEE_SUCCESS;
}

TEST(rng_pta_get_entropy_bad_parameters)
{
	uint8_t buf[PTA_RNG_MAX_ENTROPY_SIZE + 1];
	const uint32_t bad_types[] = {
		0,
		ONE(MOUT),
		ONE(TEE_PARAM_TYPE_MEMREF_INPUT),
		ONE(TEE_PARAM_TYPE_VALUE_INOUT),
		TEE_PARAM_TYPES(INOUT, VOUT, NONE, NONE),
		TEE_PARAM_TYPES(INOUT, NONE, NONE, INOUT),
		TEE_PARAM_TYPES(NONE, INOUT, NONE, NONE),
	};
	union tee_param p[4];
	unsigned long reads = fake_rng_reads;

	for (size_t i = 0; i < ARRAY_SIZE(bad_types); i++)
		CHECK_EQ(
			rng_call(PTA_CMD_GET_ENTROPY, bad_types[i], buf, 16, p),
			TEE_ERROR_BAD_PARAMETERS);
	/* NULL memrefs, with and without a size; one byte too many. */
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), NULL, 0, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), NULL, 16, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf,
			  PTA_RNG_MAX_ENTROPY_SIZE + 1, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(rng_call(PTA_CMD_GET_ENTROPY, ONE(INOUT), buf, SIZE_MAX, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fake_rng_reads, reads); /* refused before any read */
	CHECK_EQ(rng_call(2, ONE(INOUT), buf, 16, p),
		 TEE_ERROR_NOT_IMPLEMENTED);
}

TEST(rng_pta_quality_follows_seed_source)
{
	union tee_param p[4];

	fake_rng_hw_seed = true;
	CHECK_EQ(rng_call(PTA_CMD_GET_RNG_INFO, ONE(VOUT), NULL, 0, p),
		 TEE_SUCCESS);
	CHECK_EQ(p[0].value.a, 0);
	CHECK_EQ(p[0].value.b, 1024);
	fake_rng_hw_seed = false;
	CHECK_EQ(rng_call(PTA_CMD_GET_RNG_INFO, ONE(VOUT), NULL, 0, p),
		 TEE_SUCCESS);
	CHECK_EQ(p[0].value.b, 1);
	fake_rng_hw_seed = true;
	CHECK_EQ(rng_call(PTA_CMD_GET_RNG_INFO, ONE(INOUT), NULL, 0, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(rng_call(PTA_CMD_GET_RNG_INFO,
			  TEE_PARAM_TYPES(VOUT, VOUT, NONE, NONE), NULL, 0, p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(rng_call(PTA_CMD_GET_RNG_INFO, 0, NULL, 0, p),
		 TEE_ERROR_BAD_PARAMETERS);
}

TEST(device_enum_lists_rng_pta)
{
	uint8_t buf[64];
	size_t size = 0;

	/* Linux's size query: a NULL buffer of size 0. */
	CHECK_EQ(enum_call(0, NULL, &size), TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(size, 16);
	size = 15;
	CHECK_EQ(enum_call(0, buf, &size), TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(size, 16);
	memset(buf, 0xee, sizeof(buf));
	size = sizeof(buf);
	CHECK_EQ(enum_call(0, buf, &size), TEE_SUCCESS);
	CHECK_EQ(size, 16);
	CHECK(!memcmp(buf, rng_uuid, 16));
	CHECK_EQ(buf[16], 0xee);
	/* Every listed device is a TA the core can open. */
	CHECK(pta_find(buf) != NULL);
	size = 16;
	CHECK_EQ(enum_call(0, NULL, &size), TEE_ERROR_BAD_PARAMETERS);
}

TEST(device_enum_supplicant_list_empty_and_disjoint)
{
	uint8_t buf[64];
	size_t size = 0;

	CHECK_EQ(enum_call(1, NULL, &size), TEE_SUCCESS);
	CHECK_EQ(size, 0);
	size = sizeof(buf);
	CHECK_EQ(enum_call(1, buf, &size), TEE_SUCCESS);
	CHECK_EQ(size, 0);
	size = 0;
	CHECK_EQ(enum_call(2, NULL, &size), TEE_ERROR_NOT_IMPLEMENTED);
}

TEST(device_enum_bad_types)
{
	union tee_param p[4] = {0};

	CHECK(pta_find(device_uuid) == &pta_device_enum);
	CHECK_EQ(pta_device_enum.invoke(NULL, 0, ONE(INOUT), p),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pta_device_enum.invoke(NULL, 0, 0, p),
		 TEE_ERROR_BAD_PARAMETERS);
}
