/*
 * Hostile payload, shared memory: REGISTER_SHM with hostile page lists,
 * sizes and attributes; memory references (TMEM and RMEM) out of range or
 * with bad attributes; and the core's heap exhausted by registrations.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Hostile page lists                                                       */

#define COOKIE_PL 0x9a9e000000000000ull

/* A full list page at @list_pa (DATA(0)..DATA(63), over and over), @next. */
static void build_full_list(uint64_t list_pa, uint64_t next)
{
	uint64_t pages[OPTEE_MSG_PAGE_LIST_ENTRIES];

	for (unsigned int i = 0; i < OPTEE_MSG_PAGE_LIST_ENTRIES; i++)
		pages[i] = DATA(i % 64);
	build_list(list_pa, pages, OPTEE_MSG_PAGE_LIST_ENTRIES, next);
}

static void expect_reg_fails(const char *what, uint64_t attr, uint64_t buf_ptr,
			     uint64_t size, uint64_t cookie, uint32_t want)
{
	uint64_t a0;
	uint32_t ret =
		register_shm_attr(ARG_MAIN, attr, buf_ptr, size, cookie, &a0);

	if (want)
		check(a0 == 0 && ret == want,
		      "%s: a0=0x%lx ret=0x%x, expected ret 0x%x", what, a0, ret,
		      want);
	else
		check(a0 == 0 && ret != 0 && ret != RET_UNTOUCHED,
		      "%s: a0=0x%lx ret=0x%x, expected an error", what, a0,
		      ret);
	if (a0 == 0 && ret == 0)
		unregister_shm(cookie, &a0); /* do not leave it behind */
}

void attack_page_lists(void)
{
	static const struct {
		const char *what;
		uint64_t entry;
	} bad_entries[] = {
		{"entry in secure RAM", SECURE_RAM},
		{"entry in core RAM", CORE_RAM + 0x10000},
		{"entry in flash", 0x0},
		{"entry in the GIC", 0x08000000},
		{"entry unaligned", 0x44100008},
		{"entry beyond DRAM", DRAM_END},
		{"entry at 0xfffffffffffff000", 0xfffffffffffff000ull},
		{"entry just below DRAM", DRAM_BASE - 0x1000},
	};
	uint64_t pages[2], a0;
	uint64_t cookie = COOKIE_PL;
	uint32_t ret;
	char detail[96];

	t_begin("page_lists");
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_entries); i++) {
		pages[0] = DATA(0);
		pages[1] = bad_entries[i].entry;
		build_list(LIST(1), pages, 2, 0);
		expect_reg_fails(bad_entries[i].what, ATTR_REG_SHM, LIST(1),
				 0x2000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	}
	/* The list page itself outside NS DRAM. */
	expect_reg_fails("list page in secure RAM", ATTR_REG_SHM, SECURE_RAM,
			 0x1000, ++cookie, 0);
	expect_reg_fails("list page in core RAM", ATTR_REG_SHM, CORE_RAM,
			 0x1000, ++cookie, 0);
	expect_reg_fails("list page in flash", ATTR_REG_SHM, 0x0 | 0x10, 0x100,
			 ++cookie, 0);
	expect_reg_fails("list page beyond DRAM", ATTR_REG_SHM, DRAM_END,
			 0x1000, ++cookie, 0);

	/* Circular: a list page whose next pointer is itself, 10 MiB. */
	build_full_list(LIST(5), LIST(5));
	++cookie;
	ret = register_shm(LIST(5), 10ull << 20, cookie, &a0);
	check_eq("circular list 10 MiB: a0", a0, 0);
	fmt_snprintf(detail, sizeof(detail), "circular 10 MiB ret 0x%x", ret);
	if (a0 == 0 && ret == 0)
		unregister_ok(cookie);
	check_alive();
	/* Circular again at the 64 MiB limit. */
	++cookie;
	ret = register_shm(LIST(5), 64ull << 20, cookie, &a0);
	check_eq("circular list 64 MiB: a0", a0, 0);
	if (a0 == 0 && ret == 0)
		unregister_ok(cookie);
	check_alive();

	/* Next pointer unaligned, in secure RAM, beyond DRAM (512 pages). */
	build_full_list(LIST(6), LIST(7) + 8);
	expect_reg_fails("next pointer unaligned", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	build_full_list(LIST(6), SECURE_RAM);
	expect_reg_fails("next pointer in secure RAM", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, 0);
	build_full_list(LIST(6), DRAM_END);
	expect_reg_fails("next pointer beyond DRAM", ATTR_REG_SHM, LIST(6),
			 512 * 4096, ++cookie, 0);
	build_full_list(LIST(6), 0);
	expect_reg_fails("next pointer 0", ATTR_REG_SHM, LIST(6), 512 * 4096,
			 ++cookie, 0);

	/* Sizes. */
	pages[0] = DATA(0);
	pages[1] = DATA(1);
	build_list(LIST(2), pages, 2, 0);
	expect_reg_fails("size 0", ATTR_REG_SHM, LIST(2), 0, ++cookie, 0);
	expect_reg_fails("size 1 GiB", ATTR_REG_SHM, LIST(2), 1ull << 30,
			 ++cookie, TEE_ERROR_OUT_OF_MEMORY);
	expect_reg_fails("size 2^63", ATTR_REG_SHM, LIST(2), 1ull << 63,
			 ++cookie, 0);
	expect_reg_fails("offset 0xfff + size 0xFFFFFFFFFFFFF001", ATTR_REG_SHM,
			 LIST(2) | 0xfff, 0xfffffffffffff001ull, ++cookie, 0);
	expect_reg_fails("offset 0xfff + size 0xFFFFFFFFFFFFFFFF", ATTR_REG_SHM,
			 LIST(2) | 0xfff, 0xffffffffffffffffull, ++cookie, 0);

	/* Attributes. */
	expect_reg_fails("attr without NONCONTIG",
			 OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, DATA(0), 0x1000,
			 ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr RMEM|NONCONTIG",
			 OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT |
				 OPTEE_MSG_ATTR_NONCONTIG,
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr with META", ATTR_REG_SHM | OPTEE_MSG_ATTR_META,
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	expect_reg_fails("attr with cache bits",
			 ATTR_REG_SHM | (1ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
			 LIST(2), 0x1000, ++cookie, TEE_ERROR_BAD_PARAMETERS);
	{
		struct optee_msg_arg *a =
			arg_init(ARG_MAIN, OPTEE_MSG_CMD_REGISTER_SHM, 2);
		struct res r;

		a->params[0].attr = ATTR_REG_SHM;
		a->params[0].u.tmem.buf_ptr = LIST(2);
		a->params[0].u.tmem.size = 0x1000;
		a->params[0].u.tmem.shm_ref = ++cookie;
		r = call_pa(OPTEE_SMC_CALL_WITH_RPC_ARG, ARG_MAIN);
		check(r.a0 == 0 && a->ret == TEE_ERROR_BAD_PARAMETERS,
		      "register with 2 params: a0=0x%lx ret=0x%x", r.a0,
		      a->ret);
	}

	/* The same cookie twice. */
	++cookie;
	ret = register_shm(LIST(2), 0x2000, cookie, &a0);
	check(a0 == 0 && ret == 0, "register valid: a0=0x%lx ret=0x%x", a0,
	      ret);
	ret = register_shm(LIST(2), 0x2000, cookie, &a0);
	check(a0 == 0 && ret == TEE_ERROR_BAD_STATE,
	      "register same cookie again: a0=0x%lx ret=0x%x", a0, ret);
	unregister_ok(cookie);
	ret = unregister_shm(cookie, &a0);
	check(a0 == 0 && ret != 0, "unregister twice: a0=0x%lx ret=0x%x", a0,
	      ret);
	t_end(detail);
}

/* ------------------------------------------------------------------------ */
/* Memory references                                                        */

#define COOKIE_MR 0x3e3e000000000007ull

static uint64_t fnv64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= PTA_TEST_FNV64_PRIME;
	}
	return h;
}

/* HASH_AND_PATTERN with param 0 = (attr, x, size, ref); returns ret. */
static uint32_t hash_call(uint32_t session, uint64_t attr, uint64_t x,
			  uint64_t size, uint64_t ref, uint64_t *a0)
{
	struct optee_msg_arg *a = build_invoke(
		ARG_MAIN, session, PTA_TEST_CMD_HASH_AND_PATTERN, 2);

	a->ret = RET_UNTOUCHED;
	a->params[0].attr = attr;
	a->params[0].u.tmem.buf_ptr = x;
	a->params[0].u.tmem.size = size;
	a->params[0].u.tmem.shm_ref = ref;
	a->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	return call_ret(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN, a0);
}

static void expect_hash(const char *what, uint32_t session, uint64_t attr,
			uint64_t x, uint64_t size, uint64_t ref, uint32_t want)
{
	uint64_t a0;
	uint32_t ret = hash_call(session, attr, x, size, ref, &a0);

	check(a0 == 0 && ret == want, "%s: a0=0x%lx ret=0x%x, expected 0x%x",
	      what, a0, ret, want);
}

static void expect_add_attrs(const char *what, uint32_t session, uint64_t at0,
			     uint64_t at1, uint32_t n)
{
	struct optee_msg_arg *a;
	struct res r;

	build_add(ARG_MAIN, session, 1, 2);
	a = arg_at(ARG_MAIN);
	a->params[0].attr = at0;
	a->params[1].attr = at1;
	a->num_params = n;
	a->ret = RET_UNTOUCHED;
	r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
	check(r.a0 == 0 && a->ret == TEE_ERROR_BAD_PARAMETERS,
	      "%s: a0=0x%lx ret=0x%x", what, r.a0, a->ret);
}

void attack_memref_ranges(void)
{
	static const uint64_t bad_attrs[] = {
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META,
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			(1ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT |
			(7ull << OPTEE_MSG_ATTR_CACHE_SHIFT),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_NONCONTIG,
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | (1ull << 32),
		OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | (1ull << 63),
		0x4,
		0x8,
		0xc,
		0xff,
	};
	uint8_t *buf = (uint8_t *)(uintptr_t)DATA(16);
	uint32_t session;
	uint64_t a0;
	uint32_t ret;
	char what[64];

	session = t_begin_session("memref_ranges");
	if (!session)
		return;
	expect_hash("TMEM in secure RAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, SECURE_RAM, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM in core RAM", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    CORE_RAM, 64, 0, TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM INPUT... in flash", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, 0x1000, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM crossing end of DRAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, DRAM_END - 64, 128, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM crossing start of DRAM", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, DRAM_BASE - 64, 128, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM size wraps", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    DATA(16), 0xfffffffffffffff0ull, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM NULL with size 64", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, 0, 64, 0,
		    TEE_ERROR_BAD_PARAMETERS);
	expect_hash("TMEM 9 MiB", session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
		    DATA(16), 9ull << 20, 0, TEE_ERROR_OUT_OF_MEMORY);
	expect_hash("TMEM with NONCONTIG", session,
		    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT | OPTEE_MSG_ATTR_NONCONTIG,
		    LIST(0), 64, 0, TEE_ERROR_BAD_PARAMETERS);
	expect_hash("RMEM unknown cookie", session,
		    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0, 64,
		    0x5555aaaa5555aaaaull, TEE_ERROR_BAD_PARAMETERS);

	/* A valid TMEM still works (and writes the pattern). */
	for (unsigned int i = 0; i < 64; i++)
		buf[i] = (uint8_t)(i * 3 + 1);
	{
		uint64_t h = fnv64(buf, 64);
		struct optee_msg_arg *a = arg_at(ARG_MAIN);

		ret = hash_call(session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
				DATA(16), 64, 0, &a0);
		check(a0 == 0 && ret == 0 &&
			      a->params[1].u.value.a == (uint32_t)h &&
			      a->params[1].u.value.b == (uint32_t)(h >> 32) &&
			      buf[5] == PTA_TEST_PATTERN(5),
		      "valid TMEM hash: a0=0x%lx ret=0x%x", a0, ret);
	}

	if (register_pages(3, 20, 2, COOKIE_MR)) {
		uint8_t *rb = (uint8_t *)(uintptr_t)DATA(20);

		expect_hash("RMEM offs+size beyond", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0x1000, 0x1001,
			    COOKIE_MR, TEE_ERROR_SECURITY);
		expect_hash("RMEM offs beyond", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0x2001, 0,
			    COOKIE_MR, TEE_ERROR_SECURITY);
		expect_hash("RMEM offs 0xFF..00 size 0x100", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
			    0xffffffffffffff00ull, 0x100, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		expect_hash("RMEM offs 0xFF..00 size 0x10", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
			    0xffffffffffffff00ull, 0x10, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		expect_hash("RMEM size 2^64-1", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 1,
			    0xffffffffffffffffull, COOKIE_MR,
			    TEE_ERROR_SECURITY);
		/* Valid RMEM across the page boundary. */
		for (unsigned int i = 0; i < 0x200; i++)
			rb[0xf00 + i] = (uint8_t)(i ^ 0x33);
		{
			uint64_t h = fnv64(rb + 0xf00, 0x200);
			struct optee_msg_arg *a = arg_at(ARG_MAIN);

			ret = hash_call(session, OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
					0xf00, 0x200, COOKIE_MR, &a0);
			check(a0 == 0 && ret == 0 &&
				      a->params[1].u.value.a == (uint32_t)h &&
				      rb[0xf00 + 0x1ff] ==
					      PTA_TEST_PATTERN(0x1ff),
			      "valid RMEM hash across pages: a0=0x%lx ret=0x%x",
			      a0, ret);
		}
		unregister_ok(COOKIE_MR);
		expect_hash("RMEM after unregister", session,
			    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 0, 64, COOKIE_MR,
			    TEE_ERROR_BAD_PARAMETERS);
	}

	/* Wrong parameter shapes for ADD. */
	expect_add_attrs("ADD VOUT,VIN", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 2);
	expect_add_attrs("ADD 1 param", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 1);
	expect_add_attrs("ADD 5 params", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 5);
	expect_add_attrs("ADD VIN,TMEM", session,
			 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			 OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, 2);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_attrs); i++) {
		fmt_snprintf(what, sizeof(what), "ADD p0 attr 0x%lx",
			     bad_attrs[i]);
		expect_add_attrs(what, session, bad_attrs[i],
				 OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 2);
	}
	invoke_add(ARG_MAIN, session, 7, 8);
	close_session(ARG_MAIN, session);
	t_end(NULL);
}

/* ------------------------------------------------------------------------ */
/* Exhaust the core's heap with registrations, then give it back            */

#define COOKIE_HEAP 0x4ea9000000000000ull
#define HEAP_MAX_REGS 3000

void attack_heap_exhaustion(void)
{
	static const uint64_t sizes[] = {64ull << 20, 4ull << 20, 256ull << 10,
					 16ull << 10, 4096};
	unsigned int n = 0, s = 0, oom = 0;
	uint64_t a0;
	uint32_t session, ret;
	char detail[128];

	t_begin("heap_exhaustion");
	session = open_session(ARG_MAIN);
	/* One self-linked list page serves any size. */
	build_full_list(LIST(50), LIST(50));
	while (n < HEAP_MAX_REGS && s < ARRAY_SIZE(sizes)) {
		ret = register_shm(LIST(50), sizes[s], COOKIE_HEAP + n, &a0);
		if (a0 != 0 || (ret != 0 && ret != TEE_ERROR_OUT_OF_MEMORY)) {
			check(false,
			      "register #%u (%lu bytes): a0=0x%lx ret=0x%x", n,
			      sizes[s], a0, ret);
			break;
		}
		if (ret == TEE_ERROR_OUT_OF_MEMORY) {
			oom++;
			s++; /* smaller pieces fill the gaps */
			continue;
		}
		n++;
	}
	con_printf(
		"hostile:    %u buffers registered before the heap ran out\n",
		n);
	check(s == ARRAY_SIZE(sizes), "heap never ran out (%u registrations)",
	      n);
	check_alive();
	/* Calls while the heap is empty: errors, not hangs or panics. */
	if (session) {
		uint32_t r2;
		struct res r;
		struct optee_msg_arg *a;

		build_open(ARG_MAIN);
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		a = arg_at(ARG_MAIN);
		check(r.a0 == 0 && (a->ret == 0 ||
				    a->ret == TEE_ERROR_OUT_OF_MEMORY),
		      "open with no heap: a0=0x%lx ret=0x%x", r.a0, a->ret);
		if (r.a0 == 0 && a->ret == 0)
			close_session(ARG_MAIN, a->session);
		r2 = hash_call(session, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
			       DATA(16), 4096, 0, &a0);
		check(a0 == 0 && (r2 == 0 || r2 == TEE_ERROR_OUT_OF_MEMORY),
		      "hash with no heap: a0=0x%lx ret=0x%x", a0, r2);
		a = build_rpc_shm(ARG_MAIN, session, 8192);
		alloc_mode = ALLOC_OK_LIST;
		r = call_pa(OPTEE_SMC_CALL_WITH_ARG, ARG_MAIN);
		check(r.a0 == 0 && a->ret != RET_UNTOUCHED,
		      "RPC_SHM with no heap: a0=0x%lx ret=0x%x", r.a0, a->ret);
		alloc_mode = ALLOC_OK_CONTIG;
		invoke_add(ARG_MAIN, session, 3, 4);
	}
	/* Give everything back; the heap must be whole again. */
	for (unsigned int i = 0; i < n; i++) {
		ret = unregister_shm(COOKIE_HEAP + i, &a0);
		if (a0 != 0 || ret != 0) {
			check(false, "unregister #%u: a0=0x%lx ret=0x%x", i, a0,
			      ret);
			break;
		}
	}
	ret = register_shm(LIST(50), sizes[0], COOKIE_HEAP + HEAP_MAX_REGS,
			   &a0);
	check(a0 == 0 && ret == 0,
	      "64 MiB registration after freeing: a0=0x%lx ret=0x%x", a0, ret);
	if (a0 == 0 && ret == 0)
		unregister_ok(COOKIE_HEAP + HEAP_MAX_REGS);
	if (session) {
		invoke_add(ARG_MAIN, session, 5, 6);
		close_session(ARG_MAIN, session);
	}
	fmt_snprintf(detail, sizeof(detail),
		     "%u buffers registered, %u OUT_OF_MEMORY answers", n, oom);
	t_end(detail);
}
