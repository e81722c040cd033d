/*
 * The OP-TEE message layer end to end on the host: messages in a fake
 * normal-world DRAM, run through tee_entry_std() as a secure thread would,
 * including hostile layouts and a scripted normal world answering RPCs.
 */
#include <rampart/abi/optee_msg.h>
#include <rampart/abi/optee_smc.h>
#include <rampart/abi/pta_test.h>
#include <string.h>
#include <tee/shm.h>
#include <tee/tee_param.h>

#include "fakes/fake_nw.h"
#include "harness.h"

#define ARG_PA (FAKE_NS_BASE + 0x1000)
#define PL_PA (FAKE_NS_BASE + 0x10000)    /* page lists */
#define DATA_PA (FAKE_NS_BASE + 0x100000) /* data pages */

static const uint8_t test_uuid[16] = PTA_TEST_UUID_OCTETS;

static struct optee_msg_arg *arg_at(uint64_t pa)
{
	return fake_ns_ptr(pa);
}

static struct optee_msg_arg *new_msg(uint32_t cmd, uint32_t n)
{
	struct optee_msg_arg *a = arg_at(ARG_PA);

	memset(a, 0, OPTEE_MSG_GET_ARG_SIZE(n) + OPTEE_MSG_GET_ARG_SIZE(4));
	a->cmd = cmd;
	a->num_params = n;
	return a;
}

static uint64_t call_pa(uint64_t pa)
{
	uint64_t out[4];

	fake_run_std_call(OPTEE_SMC_CALL_WITH_RPC_ARG, pa >> 32,
			  (uint32_t)pa, 0, out);
	return out[0];
}

static uint32_t open_test_session(void)
{
	struct optee_msg_arg *a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	memcpy(&a->params[0].u.value.a, test_uuid, 8);
	memcpy(&a->params[0].u.value.b, test_uuid + 8, 8);
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	CHECK(a->session != 0);
	return a->session;
}

/* n pages scattered in reverse order, listed from list_pa on. */
static uint64_t make_page_list(uint64_t list_pa, size_t n, uint32_t offset)
{
	uint64_t *e = fake_ns_ptr(list_pa);
	size_t slot = 0;

	for (size_t i = 0; i < n; i++) {
		if (slot == OPTEE_MSG_PAGE_LIST_ENTRIES) {
			e[slot] = list_pa + 4096;
			list_pa += 4096;
			e = fake_ns_ptr(list_pa);
			slot = 0;
		}
		e[slot++] = DATA_PA + (n - 1 - i) * 4096;
	}
	return offset;
}

static uint32_t register_shm(uint64_t cookie, uint64_t size, uint32_t offset)
{
	struct optee_msg_arg *a;
	size_t pages = (offset + size + 4095) / 4096;

	make_page_list(PL_PA, pages, offset);
	a = new_msg(OPTEE_MSG_CMD_REGISTER_SHM, 1);
	a->params[0].attr =
		OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;
	a->params[0].u.tmem.buf_ptr = PL_PA | offset;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = cookie;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	return a->ret;
}

static void unregister_shm(uint64_t cookie)
{
	struct optee_msg_arg *a = new_msg(OPTEE_MSG_CMD_UNREGISTER_SHM, 1);

	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	a->params[0].u.rmem.shm_ref = cookie;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
}

TEST(msg_open_invoke_close)
{
	struct optee_msg_arg *a;
	uint32_t s;

	fake_ns_reset();
	s = open_test_session();
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 2);
	a->func = PTA_TEST_CMD_ADD;
	a->session = s;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	a->params[0].u.value.a = 0x1fffffff0ull; /* upper half dropped */
	a->params[0].u.value.b = 0x20;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	a->params[1].u.value.c = 0x1234; /* left as the normal world sent it */
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	CHECK_EQ(a->params[1].u.value.a, 0x10);
	CHECK_EQ(a->params[1].u.value.b, 0xfffffff0u ^ 0x20u);
	CHECK_EQ(a->params[1].u.value.c, 0x1234);

	a = new_msg(OPTEE_MSG_CMD_CLOSE_SESSION, 0);
	a->session = s;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	/* Closed: invoking it again fails cleanly. */
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 0);
	a->session = s;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
}

TEST(msg_open_rejects_unknown_uuid_and_bad_meta)
{
	struct optee_msg_arg *a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);

	fake_ns_reset();
	a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	a->params[0].u.value.a = 0x1234;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(a->ret_origin, TEE_ORIGIN_TEE);
	CHECK_EQ(a->session, 0);

	a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT; /* META missing */
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 1);
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
}

/* Only the core may say "a TA is calling"; unknown logins are refused. */
TEST(msg_open_refuses_logins_the_normal_world_cannot_claim)
{
	static const uint32_t bad[] = { 0xf0000000u, 3, 7, 0x80000001u };
	struct optee_msg_arg *a;

	fake_ns_reset();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);
		memcpy(&a->params[0].u.value.a, test_uuid, 8);
		memcpy(&a->params[0].u.value.b, test_uuid + 8, 8);
		a->params[0].attr =
			OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
		a->params[1].attr =
			OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
		a->params[1].u.value.c = bad[i];
		CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
		CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
		CHECK_EQ(a->ret_origin, TEE_ORIGIN_TEE);
		CHECK_EQ(a->session, 0);
	}
}

TEST(msg_bad_arg_locations_and_commands)
{
	struct optee_msg_arg *a;
	uint64_t out[4];

	fake_ns_reset();
	/* Secure RAM, flash, unaligned, beyond DRAM, wrapping. */
	CHECK_EQ(call_pa(0x0e100000), OPTEE_SMC_RETURN_EBADADDR);
	CHECK_EQ(call_pa(0x0), OPTEE_SMC_RETURN_EBADADDR);
	CHECK_EQ(call_pa(ARG_PA + 4), OPTEE_SMC_RETURN_EBADADDR);
	CHECK_EQ(call_pa(FAKE_NS_BASE + FAKE_NS_SIZE - 16),
		 OPTEE_SMC_RETURN_EBADADDR);
	CHECK_EQ(call_pa(0xfffffffffffffff8ull), OPTEE_SMC_RETURN_EBADADDR);
	a = new_msg(77, 0);
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_EBADCMD);
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 7);
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_EBADCMD);
	a->num_params = 0xffffffff;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_EBADCMD);
	/* REGD_ARG with a cookie nobody registered, or past the buffer. */
	fake_run_std_call(OPTEE_SMC_CALL_WITH_REGD_ARG, 0, 0x9999, 0, out);
	CHECK_EQ(out[0], OPTEE_SMC_RETURN_EBADADDR);
	CHECK_EQ(register_shm(0x77, 4096, 0), TEE_SUCCESS);
	fake_run_std_call(OPTEE_SMC_CALL_WITH_REGD_ARG, 0, 0x77, 4096, out);
	CHECK_EQ(out[0], OPTEE_SMC_RETURN_EBADADDR);
	unregister_shm(0x77);
}

TEST(msg_regd_arg_runs_from_registered_memory)
{
	struct optee_msg_arg *a;
	uint64_t out[4];
	uint32_t s;

	fake_ns_reset();
	s = open_test_session();
	CHECK_EQ(register_shm(0xabc, 8192, 0), TEE_SUCCESS);
	/* Pages are listed in reverse: offset 384 of the buffer is in page 1. */
	a = fake_ns_ptr(DATA_PA + 4096 + 384);
	memset(a, 0, 512);
	a->cmd = OPTEE_MSG_CMD_INVOKE_COMMAND;
	a->func = PTA_TEST_CMD_ADD;
	a->session = s;
	a->num_params = 2;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	a->params[0].u.value.a = 40;
	a->params[0].u.value.b = 2;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	fake_run_std_call(OPTEE_SMC_CALL_WITH_REGD_ARG, 0, 0xabc, 384, out);
	CHECK_EQ(out[0], OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	CHECK_EQ(a->params[1].u.value.a, 42);
	unregister_shm(0xabc);
}

TEST(msg_memref_over_two_list_pages)
{
	const uint64_t size = 600 * 4096 + 123;
	const uint32_t offset = 0x7b;
	struct optee_msg_arg *a;
	uint64_t h = PTA_TEST_FNV64_OFFSET, got;
	uint32_t s;

	fake_ns_reset();
	s = open_test_session();
	CHECK_EQ(register_shm(0x5150, size, offset), TEE_SUCCESS);
	/* Byte i of the buffer lives in page (i + offset) / 4096, reversed. */
	for (uint64_t i = 0; i < size; i++) {
		uint64_t pos = i + offset, page = pos / 4096;
		uint8_t v = (uint8_t)(i * 13 + 5);
		size_t pages = (offset + size + 4095) / 4096;

		*(uint8_t *)fake_ns_ptr(DATA_PA + (pages - 1 - page) * 4096 +
					pos % 4096) = v;
		h = (h ^ v) * PTA_TEST_FNV64_PRIME;
	}
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 2);
	a->func = PTA_TEST_CMD_HASH_AND_PATTERN;
	a->session = s;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INOUT;
	a->params[0].u.rmem.shm_ref = 0x5150;
	a->params[0].u.rmem.size = size;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	got = a->params[1].u.value.a | a->params[1].u.value.b << 32;
	CHECK_EQ(got, h);
	CHECK_EQ(a->params[0].u.rmem.size, size);
	for (uint64_t i = 0; i < size; i += 4093) {
		uint64_t pos = i + offset, page = pos / 4096;
		size_t pages = (offset + size + 4095) / 4096;

		CHECK_EQ(*(uint8_t *)fake_ns_ptr(DATA_PA +
						 (pages - 1 - page) * 4096 +
						 pos % 4096),
			 PTA_TEST_PATTERN(i));
	}
	/* Past the registered size: refused before the TA runs. */
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 2);
	a->func = PTA_TEST_CMD_HASH_AND_PATTERN;
	a->session = s;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INOUT;
	a->params[0].u.rmem.shm_ref = 0x5150;
	a->params[0].u.rmem.offs = 1;
	a->params[0].u.rmem.size = size;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_SECURITY);
	a->params[0].u.rmem.offs = 0xffffffffffffff00ull;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_SECURITY);
	a->params[0].u.rmem.offs = 0;
	a->params[0].u.rmem.shm_ref = 0x5151;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	unregister_shm(0x5150);
}

static uint32_t try_register(uint64_t attr, uint64_t list, uint64_t size,
			     uint64_t cookie)
{
	struct optee_msg_arg *a = new_msg(OPTEE_MSG_CMD_REGISTER_SHM, 1);

	a->params[0].attr = attr;
	a->params[0].u.tmem.buf_ptr = list;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = cookie;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	return a->ret;
}

TEST(msg_register_shm_hostile_page_lists)
{
	const uint64_t nc =
		OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;
	uint64_t *e;

	fake_ns_reset();
	e = fake_ns_ptr(PL_PA);
	/* A data page in secure RAM, then one unaligned. */
	e[0] = 0x0e200000;
	CHECK_EQ(try_register(nc, PL_PA, 100, 1), TEE_ERROR_BAD_PARAMETERS);
	e[0] = DATA_PA + 8;
	CHECK_EQ(try_register(nc, PL_PA, 100, 1), TEE_ERROR_BAD_PARAMETERS);
	/* The list itself in flash, in secure RAM, past DRAM. */
	CHECK_EQ(try_register(nc, 0x1000, 100, 1), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(try_register(nc, 0x0e000000, 100, 1),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(try_register(nc, FAKE_NS_BASE + FAKE_NS_SIZE, 100, 1),
		 TEE_ERROR_BAD_PARAMETERS);
	/* A circular chain of list pages: bounded by the size, terminates. */
	for (int i = 0; i < 511; i++)
		e[i] = DATA_PA;
	e[511] = PL_PA;
	CHECK_EQ(try_register(nc, PL_PA, 3000ull * 4096, 2), TEE_SUCCESS);
	unregister_shm(2);
	/* A next pointer to an unaligned address, or into secure RAM. */
	e[511] = PL_PA + 12;
	CHECK_EQ(try_register(nc, PL_PA, 3000ull * 4096, 3),
		 TEE_ERROR_BAD_PARAMETERS);
	e[511] = 0x0e001000;
	CHECK_EQ(try_register(nc, PL_PA, 3000ull * 4096, 3),
		 TEE_ERROR_BAD_PARAMETERS);
	/* Overlong: more than the core will ever describe; empty. */
	CHECK_EQ(try_register(nc, PL_PA, SHM_MAX_SIZE + 1, 4),
		 TEE_ERROR_OUT_OF_MEMORY);
	CHECK_EQ(try_register(nc, PL_PA, ~0ull, 4), TEE_ERROR_OUT_OF_MEMORY);
	CHECK_EQ(try_register(nc, PL_PA, 0, 4), TEE_ERROR_BAD_PARAMETERS);
	/* Wrong attributes: TMEM without NONCONTIG, a value, META. */
	CHECK_EQ(try_register(OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, PL_PA, 100, 5),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(try_register(OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
				      OPTEE_MSG_ATTR_NONCONTIG,
			      PL_PA, 100, 5),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(try_register(nc | OPTEE_MSG_ATTR_META, PL_PA, 100, 5),
		 TEE_ERROR_BAD_PARAMETERS);
	/* None of the failures left anything registered. */
	CHECK(shm_get(1) == NULL && shm_get(3) == NULL && shm_get(4) == NULL &&
	      shm_get(5) == NULL);
}

TEST(msg_register_shm_cookie_rules)
{
	struct optee_msg_arg *a;

	fake_ns_reset();
	CHECK_EQ(register_shm(0x10, 4096, 0), TEE_SUCCESS);
	CHECK_EQ(register_shm(0x10, 4096, 0), TEE_ERROR_BAD_STATE);
	unregister_shm(0x10);
	a = new_msg(OPTEE_MSG_CMD_UNREGISTER_SHM, 1);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	a->params[0].u.rmem.shm_ref = 0x10;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
}

TEST(msg_param_attributes_checked)
{
	struct optee_msg_arg *a;
	uint32_t s;

	fake_ns_reset();
	s = open_test_session();
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 2);
	a->func = PTA_TEST_CMD_ADD;
	a->session = s;
	/* Undefined type 4, META on a TA param, a cache attribute. */
	a->params[0].attr = 4;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | (1u << 16);
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* A TMEM pointing at secure RAM. */
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT;
	a->params[0].u.tmem.buf_ptr = 0x0e000000;
	a->params[0].u.tmem.size = 16;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_BAD_PARAMETERS);
	/* Too large to bounce. */
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INPUT;
	a->params[0].u.tmem.buf_ptr = DATA_PA;
	a->params[0].u.tmem.size = TEE_PARAM_MAX_MEMREF + 1;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK(a->ret == TEE_ERROR_OUT_OF_MEMORY ||
	      a->ret == TEE_ERROR_BAD_PARAMETERS);
}

/* A scripted normal world: answers GET_TIME, lies on request. */
static int rpc_lie;
static void answer_rpc(uint32_t func)
{
	struct optee_msg_arg *req;

	CHECK_EQ(func, OPTEE_SMC_RPC_FUNC_CMD);
	/* With RPC_ARG, the request follows the 1-param INVOKE message. */
	req = arg_at(ARG_PA + OPTEE_MSG_GET_ARG_SIZE(1));
	CHECK_EQ(req->cmd, OPTEE_RPC_CMD_GET_TIME);
	CHECK_EQ(req->num_params, 1);
	CHECK_EQ(req->ret, TEE_ERROR_GENERIC);
	req->params[0].u.value.a = 1700000000;
	req->params[0].u.value.b = 5;
	req->ret = TEE_SUCCESS;
	if (rpc_lie == 1)
		req->num_params = 3;
	if (rpc_lie == 2)
		req->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INOUT;
}

TEST(msg_rpc_round_trip_and_lying_answers)
{
	struct optee_msg_arg *a;
	uint32_t s;

	fake_ns_reset();
	s = open_test_session();
	fake_nw_rpc = answer_rpc;
	for (rpc_lie = 0; rpc_lie < 3; rpc_lie++) {
		a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 1);
		a->func = PTA_TEST_CMD_RPC_GET_TIME;
		a->session = s;
		a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
		CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
		if (rpc_lie == 0) {
			CHECK_EQ(a->ret, TEE_SUCCESS);
			CHECK_EQ(a->params[0].u.value.a, 1700000000);
			CHECK_EQ(a->params[0].u.value.b, 5);
		} else {
			CHECK_EQ(a->ret, TEE_ERROR_COMMUNICATION);
		}
	}
	CHECK_EQ(fake_rpc_count, 3);
}

TEST(msg_device_enum_null_memref)
{
	static const uint8_t uuid[16] = { 0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde,
					  0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c,
					  0x4d, 0xdf, 0x13, 0xb8 };
	struct optee_msg_arg *a;
	uint32_t s;

	fake_ns_reset();
	a = new_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2);
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	memcpy(&a->params[0].u.value.a, uuid, 8);
	memcpy(&a->params[0].u.value.b, uuid + 8, 8);
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META;
	a->params[1].u.value.c = OPTEE_MSG_LOGIN_REE_KERNEL;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_SUCCESS);
	s = a->session;
	/* Linux's size query: TMEM output with no buffer. One UUID (rng.pta). */
	a = new_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 4);
	a->session = s;
	a->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	a->params[0].u.tmem.size = 0;
	CHECK_EQ(call_pa(ARG_PA), OPTEE_SMC_RETURN_OK);
	CHECK_EQ(a->ret, TEE_ERROR_SHORT_BUFFER);
	CHECK_EQ(a->params[0].u.tmem.size, 16);
}
