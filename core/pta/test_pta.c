/*
 * The test pseudo TA (inc/rampart/abi/pta_test.h): drives the message ABI,
 * threads, cancellation and every RPC from the normal-world test suite.
 */
#include <crypto/aes_accel.h>
#include <drivers/secure_timer.h>
#include <kernel/foreign_intr.h>
#include <kernel/spinlock.h>
#include <kernel/thread.h>
#include <mm/heap.h>
#include <rampart/abi/pta_test.h>
#include <string.h>
#include <tee/pta.h>
#include <tee/rpc.h>
#include <tee/shm.h>

#define T(a, b) TEE_PARAM_TYPES(a, b, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)
#define VIN TEE_PARAM_TYPE_VALUE_INPUT
#define VOUT TEE_PARAM_TYPE_VALUE_OUTPUT
#define MIN TEE_PARAM_TYPE_MEMREF_INPUT
#define MINOUT TEE_PARAM_TYPE_MEMREF_INOUT
#define NONE TEE_PARAM_TYPE_NONE

static uint64_t ms_to_ticks(uint64_t ms)
{
	return secure_timer_freq() / 1000 * ms;
}

static TEE_Result cmd_add(uint32_t types, union tee_param p[4])
{
	if (types != T(VIN, VOUT))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = p[0].value.a + p[0].value.b;
	p[1].value.b = p[0].value.a ^ p[0].value.b;
	return TEE_SUCCESS;
}

static TEE_Result cmd_hash_and_pattern(uint32_t types, union tee_param p[4])
{
	uint8_t *buf = p[0].memref.buffer;
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	if (types != T(MINOUT, VOUT))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!buf && p[0].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < p[0].memref.size; i++) {
		h ^= buf[i];
		h *= PTA_TEST_FNV64_PRIME;
	}
	for (size_t i = 0; i < p[0].memref.size; i++)
		buf[i] = PTA_TEST_PATTERN(i);
	p[1].value.a = (uint32_t)h;
	p[1].value.b = (uint32_t)(h >> 32);
	return TEE_SUCCESS;
}

static TEE_Result rpc_suspend_ms(uint32_t ms)
{
	struct optee_msg_param p = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
				    .u.value.a = ms};

	return rpc_cmd(OPTEE_RPC_CMD_SUSPEND, 1, &p);
}

#define BARRIERS 8
static struct {
	uint32_t id;
	uint32_t arrived;
	uint32_t generation;
} barriers[BARRIERS];
static volatile uint32_t barrier_lock;

static TEE_Result cmd_barrier(uint32_t types, union tee_param p[4])
{
	uint32_t n = p[0].value.a, id = p[0].value.b, gen;
	uint64_t deadline = system_counter() + ms_to_ticks(60000);
	int slot = -1;

	if (types != T(VIN, NONE) || n < 1 || n > 64)
		return TEE_ERROR_BAD_PARAMETERS;
	spin_lock(&barrier_lock);
	for (int i = 0; i < BARRIERS && slot < 0; i++)
		if (barriers[i].arrived && barriers[i].id == id)
			slot = i;
	for (int i = 0; i < BARRIERS && slot < 0; i++)
		if (!barriers[i].arrived)
			slot = i;
	if (slot < 0) {
		spin_unlock(&barrier_lock);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	barriers[slot].id = id;
	gen = barriers[slot].generation;
	if (++barriers[slot].arrived >= n) {
		/* Last one in releases everybody of this generation. */
		barriers[slot].arrived = 0;
		barriers[slot].generation++;
		spin_unlock(&barrier_lock);
		return TEE_SUCCESS;
	}
	spin_unlock(&barrier_lock);

	/* Wait in the normal world (1 ms sleeps) so other calls can enter. */
	while (__atomic_load_n(&barriers[slot].generation, __ATOMIC_ACQUIRE) ==
	       gen) {
		if (system_counter() > deadline) {
			spin_lock(&barrier_lock);
			if (barriers[slot].generation == gen) {
				barriers[slot].arrived--;
				spin_unlock(&barrier_lock);
				return TEE_ERROR_BUSY;
			}
			spin_unlock(&barrier_lock);
			break;
		}
		if (rpc_suspend_ms(1))
			rpc_yield();
	}
	return TEE_SUCCESS;
}

static TEE_Result cmd_long_running(uint32_t types, union tee_param p[4])
{
	uint64_t deadline;

	if (types != T(VIN, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	deadline = system_counter() + ms_to_ticks(p[0].value.a);
	while (system_counter() < deadline) {
		uint64_t slice = system_counter() + ms_to_ticks(1);

		if (thread_current()->cancel_requested)
			return TEE_ERROR_CANCEL;
		/* Busy, but preemptible: normal-world interrupts get through.
		 */
		foreign_intr_unmask();
		while (system_counter() < slice)
			;
		foreign_intr_mask();
	}
	return TEE_SUCCESS;
}

static TEE_Result cmd_rpc_shm(uint32_t types, union tee_param p[4])
{
	uint32_t size = p[0].value.a;
	uint32_t type = p[0].value.b ? OPTEE_RPC_SHM_TYPE_APPL
				     : OPTEE_RPC_SHM_TYPE_KERNEL;
	uint8_t chunk[256], back[256];
	struct shm *s;
	TEE_Result res;

	if (types != T(VIN, NONE) || !size || size > 1024 * 1024)
		return TEE_ERROR_BAD_PARAMETERS;
	res = rpc_shm_alloc(type, size, &s);
	if (res)
		return res;
	for (uint32_t off = 0; off < size && !res; off += sizeof(chunk)) {
		size_t n =
			size - off < sizeof(chunk) ? size - off : sizeof(chunk);

		for (size_t i = 0; i < n; i++)
			chunk[i] = PTA_TEST_PATTERN(off + i);
		res = shm_write(s, off, chunk, n);
		if (!res)
			res = shm_read(s, off, back, n);
		if (!res && memcmp(chunk, back, n))
			res = TEE_ERROR_GENERIC;
	}
	rpc_shm_free(type, s);
	return res;
}

static TEE_Result fs_call(uint32_t op, uint64_t b, uint64_t c, struct shm *s,
			  uint64_t offs, uint64_t size, uint64_t mem_type,
			  struct optee_msg_param out[3], size_t n)
{
	out[0] = (struct optee_msg_param){
		.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
		.u.value = {.a = op, .b = b, .c = c},
	};
	if (n > 1)
		rpc_memref_param(&out[1], mem_type, s, offs, size);
	if (n > 2)
		out[2] = (struct optee_msg_param){
			.attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT};
	return rpc_cmd(OPTEE_RPC_CMD_FS, n, out);
}

static TEE_Result cmd_rpc_fs(uint32_t types, union tee_param p[4])
{
	const size_t data_len = 3000, name_off = 4096;
	struct optee_msg_param m[3];
	size_t name_len;
	uint8_t *data, *back;
	struct shm *s;
	uint64_t fd;
	TEE_Result res;

	if (types != T(MIN, VOUT) || !p[0].memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	name_len = strnlen(p[0].memref.buffer, p[0].memref.size);
	if (!name_len || name_len >= p[0].memref.size || name_len > 64)
		return TEE_ERROR_BAD_PARAMETERS;
	data = malloc(data_len);
	back = malloc(data_len);
	res = data && back ? rpc_shm_alloc(OPTEE_RPC_SHM_TYPE_APPL, 8192, &s)
			   : TEE_ERROR_OUT_OF_MEMORY;
	if (res)
		goto out;
	for (size_t i = 0; i < data_len; i++)
		data[i] = PTA_TEST_PATTERN(i * 3);
	res = shm_write(s, name_off, p[0].memref.buffer, name_len + 1);
	if (!res)
		res = fs_call(OPTEE_RPC_FS_CREATE, 0, 0, s, name_off,
			      name_len + 1, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, m,
			      3);
	if (res)
		goto free_shm;
	fd = m[2].u.value.a;
	res = shm_write(s, 0, data, data_len);
	if (!res)
		res = fs_call(OPTEE_RPC_FS_WRITE, fd, 0, s, 0, data_len,
			      OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, m, 2);
	if (!res)
		res = shm_write(s, 0, back, data_len); /* scrub */
	if (!res)
		res = fs_call(OPTEE_RPC_FS_READ, fd, 0, s, 0, data_len,
			      OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, m, 2);
	if (!res && m[1].u.rmem.size != data_len)
		res = TEE_ERROR_GENERIC;
	if (!res)
		res = shm_read(s, 0, back, data_len);
	if (!res && memcmp(data, back, data_len))
		res = TEE_ERROR_GENERIC;
	fs_call(OPTEE_RPC_FS_CLOSE, fd, 0, s, 0, 0, 0, m, 1);
	if (!res)
		res = fs_call(OPTEE_RPC_FS_REMOVE, 0, 0, s, name_off,
			      name_len + 1, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, m,
			      2);
	if (!res)
		p[1].value.a = data_len;
free_shm:
	rpc_shm_free(OPTEE_RPC_SHM_TYPE_APPL, s);
out:
	free(data);
	free(back);
	return res;
}

static TEE_Result cmd_rpc_load_ta_size(uint32_t types, union tee_param p[4])
{
	struct optee_msg_param m[2] = {
		{.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT},
		{.attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT}, /* NULL: size query
							    */
	};
	TEE_Result res;

	if (types != T(MIN, VOUT) || p[0].memref.size != 16 ||
	    !p[0].memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(&m[0].u.value.a, p[0].memref.buffer, 8);
	memcpy(&m[0].u.value.b, (uint8_t *)p[0].memref.buffer + 8, 8);
	res = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, 2, m);
	if (res && res != TEE_ERROR_SHORT_BUFFER)
		return res;
	p[1].value.a = (uint32_t)m[1].u.tmem.size;
	return TEE_SUCCESS;
}

static TEE_Result cmd_rpc_rpmb_info(uint32_t types, union tee_param p[4])
{
	/* struct rpmb_req { u16 cmd = GET_DEV_INFO (1), dev_id, block_count }
	 */
	const uint8_t req[6] = {1, 0, 0, 0, 0, 0};
	uint8_t info[19];
	struct optee_msg_param m[2];
	struct shm *s;
	TEE_Result res;

	if (types != T(VOUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = rpc_shm_alloc(OPTEE_RPC_SHM_TYPE_APPL, 64, &s);
	if (res)
		return res;
	res = shm_write(s, 0, req, sizeof(req));
	rpc_memref_param(&m[0], OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, s, 0,
			 sizeof(req));
	rpc_memref_param(&m[1], OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, s, 32,
			 sizeof(info));
	if (!res)
		res = rpc_cmd(OPTEE_RPC_CMD_RPMB, 2, m);
	if (!res)
		res = shm_read(s, 32, info, sizeof(info));
	if (!res && info[18] != 0)
		res = TEE_ERROR_GENERIC; /* device reported an error */
	if (!res) {
		p[0].value.a = info[16];
		p[0].value.b = info[17];
	}
	rpc_shm_free(OPTEE_RPC_SHM_TYPE_APPL, s);
	return res;
}

static TEE_Result cmd_get_time(uint32_t types, union tee_param p[4])
{
	struct optee_msg_param m = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT};
	TEE_Result res;

	if (types != T(VOUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = rpc_cmd(OPTEE_RPC_CMD_GET_TIME, 1, &m);
	if (!res) {
		p[0].value.a = (uint32_t)m.u.value.a;
		p[0].value.b = (uint32_t)m.u.value.b;
	}
	return res;
}

static TEE_Result invoke(void *ctx, uint32_t cmd, uint32_t types,
			 union tee_param p[4])
{
	(void)ctx;
	switch (cmd) {
	case PTA_TEST_CMD_ADD:
		return cmd_add(types, p);
	case PTA_TEST_CMD_HASH_AND_PATTERN:
		return cmd_hash_and_pattern(types, p);
	case PTA_TEST_CMD_BARRIER:
		return cmd_barrier(types, p);
	case PTA_TEST_CMD_LONG_RUNNING:
		return cmd_long_running(types, p);
	case PTA_TEST_CMD_RPC_SHM:
		return cmd_rpc_shm(types, p);
	case PTA_TEST_CMD_RPC_FS:
		return cmd_rpc_fs(types, p);
	case PTA_TEST_CMD_RPC_LOAD_TA_SIZE:
		return cmd_rpc_load_ta_size(types, p);
	case PTA_TEST_CMD_RPC_RPMB_INFO:
		return cmd_rpc_rpmb_info(types, p);
	case PTA_TEST_CMD_STATS:
		if (types != T(VOUT, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		p[0].value.a = thread_count();
		p[0].value.b = (uint32_t)thread_ethread_limit_count();
		return TEE_SUCCESS;
	case PTA_TEST_CMD_RPC_GET_TIME:
		return cmd_get_time(types, p);
	case PTA_TEST_CMD_AES_ACCEL_CHECK:
		if (types != T(VIN, VOUT) || !p[0].value.a ||
		    p[0].value.a > 10000)
			return TEE_ERROR_BAD_PARAMETERS;
		return aes_accel_check(p[0].value.a, &p[1].value.a);
	default:
		return TEE_ERROR_NOT_IMPLEMENTED;
	}
}

const struct pta pta_test = {
	.name = "test.pta",
	.uuid = PTA_TEST_UUID_OCTETS,
	.invoke = invoke,
};
