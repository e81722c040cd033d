/*
 * User-mode TA instances: load, verify, map, run entry points, tear down.
 * An instance is single-threaded: one entry at a time (others get BUSY).
 */
#include <crypto/crypto.h>
#include <fmt.h>
#include <kernel/log.h>
#include <kernel/spinlock.h>
#include <mm/heap.h>
#include <mm/page_pool.h>
#include <mm/uspace.h>
#include <rampart/abi/utee.h>
#include <string.h>
#include <tee/elf_ta.h>
#include <tee/rpc.h>
#include <tee/shm.h>
#include <tee/syscall_cryp.h>
#include <tee/ta_image.h>
#include <tee/user_fp.h>
#include <tee/user_ta.h>

#define TA_FLAG_SINGLE_INSTANCE 0x0004u
#define TA_FLAG_MULTI_SESSION 0x0008u
#define TA_FLAG_INSTANCE_KEEP_ALIVE 0x0010u
#define TA_FLAGS_MASK 0x3fffu
#define TA_MAX_IMAGE (4u * 1024 * 1024)
#define TA_MAX_STACK (1u * 1024 * 1024)
#define PAGE PAGE_POOL_PAGE

struct ta_instance {
	uint8_t uuid[16];
	uint32_t flags;
	struct uspace *us;
	uint8_t *image; /* page-pool block of image_pages pages */
	size_t image_pages;
	uint64_t base, entry, stack_top, params_va;
	struct utee_params *params; /* page-pool page mapped at params_va */
	uint32_t sessions;
	uint32_t next_session;
	bool dead;
	volatile uint32_t busy; /* 1 + index of the thread running it, or 0 */
	void *cryp;		/* objects and operations: tee/syscall_cryp.h */
	struct ta_instance *next;
};

struct user_session {
	struct ta_instance *ta;
	uint32_t id;
	struct tee_identity client;
};

struct user_entry {
	uint64_t x0, x1, x2, x3, sp, pc;
};

uint64_t user_enter(const struct user_entry *e, struct thread_regs *save);

static struct ta_instance *instances;
static volatile uint32_t instances_lock;

uint64_t user_ta_load_base(const struct ta_instance *ta)
{
	return ta->base;
}

const uint8_t *user_ta_uuid(const struct ta_instance *ta)
{
	return ta->uuid;
}

bool user_ta_overlaps_client_memory(uint64_t va, uint64_t len)
{
	struct ta_instance *ta = user_ta_current();
	/* The parameter page, then room for four maximal memrefs. */
	uint64_t lo, hi, end;

	if (!ta || __builtin_add_overflow(va, len, &end))
		return true;
	lo = ta->params_va;
	hi = lo + PAGE + TEE_NUM_PARAMS * (TEE_PARAM_MAX_MEMREF + PAGE);
	return va < hi && end > lo;
}

struct ta_instance *user_ta_current(void)
{
	struct thread *t = thread_current();

	return t && t->user ? t->user->ta : NULL;
}

void user_ta_uuid_str(const struct ta_instance *ta, char buf[37])
{
	const uint8_t *u = ta->uuid;

	fmt_snprintf(buf, 37,
		     "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		     "%02x%02x%02x%02x%02x%02x",
		     u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		     u[10], u[11], u[12], u[13], u[14], u[15]);
}

void **user_ta_current_cryp_state(void)
{
	struct thread *t = thread_current();

	return t && t->user ? &t->user->ta->cryp : NULL;
}

const struct uspace *user_ta_current_uspace(void)
{
	struct thread *t = thread_current();

	return t && t->user ? t->user->ta->us : NULL;
}

/* A random page-aligned address in [lo, lo + span). */
static uint64_t random_va(uint64_t lo, uint64_t span)
{
	uint32_t r = 0;

	crypto_rng_read(&r, sizeof(r));
	return lo + ((uint64_t)r % (span / PAGE)) * PAGE;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Fetches <uuid>.ta through tee-supplicant into a secure heap buffer. */
static TEE_Result fetch_image(const uint8_t uuid[16], uint8_t **buf,
			      size_t *len)
{
	struct optee_msg_param m[2] = {
		{.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT},
		{.attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT},
	};
	struct shm *s;
	size_t size;
	TEE_Result res;

	memcpy(&m[0].u.value.a, uuid, 8);
	memcpy(&m[0].u.value.b, uuid + 8, 8);
	res = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, 2, m);
	if (res && res != TEE_ERROR_SHORT_BUFFER)
		return res;
	size = m[1].u.tmem.size;
	if (!size || size > TA_MAX_IMAGE)
		return TEE_ERROR_BAD_FORMAT;
	res = rpc_shm_alloc(OPTEE_RPC_SHM_TYPE_APPL, size, &s);
	if (res)
		return res;
	rpc_memref_param(&m[1], OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, s, 0, size);
	res = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, 2, m);
	if (!res && m[1].u.rmem.size != size)
		res = TEE_ERROR_BAD_FORMAT; /* file changed between rounds */
	*buf = res ? NULL : malloc(size);
	if (!res && !*buf)
		res = TEE_ERROR_OUT_OF_MEMORY;
	if (!res)
		res = shm_read(s, 0, *buf, size); /* one copy, then verify it */
	rpc_shm_free(OPTEE_RPC_SHM_TYPE_APPL, s);
	if (res) {
		free(*buf);
		return res;
	}
	*len = size;
	return TEE_SUCCESS;
}

static TEE_Result check_head(const struct ta_instance *ta,
			     const struct utee_ta_head *h)
{
	if (h->uuid_time_low != be32(ta->uuid) ||
	    h->uuid_time_mid != (ta->uuid[4] << 8 | ta->uuid[5]) ||
	    h->uuid_time_hi_and_version != (ta->uuid[6] << 8 | ta->uuid[7]) ||
	    memcmp(h->uuid_clock_seq_and_node, ta->uuid + 8, 8))
		return TEE_ERROR_SECURITY;
	if (!h->stack_size || h->stack_size % 16 ||
	    h->stack_size > TA_MAX_STACK || (h->flags & ~TA_FLAGS_MASK) ||
	    h->depr_entry != UINT64_MAX)
		return TEE_ERROR_BAD_FORMAT;
	return TEE_SUCCESS;
}

static void instance_free(struct ta_instance *ta)
{
	syscall_cryp_instance_free(ta->cryp);
	uspace_destroy(ta->us);
	if (ta->image)
		page_pool_free(&core_page_pool, ta->image, ta->image_pages);
	free(ta);
}

static TEE_Result map_image(struct ta_instance *ta, const struct elf_ta *elf)
{
	for (size_t i = 0; i < elf->num_segments; i++) {
		const struct elf_ta_segment *s = &elf->seg[i];
		uint64_t start = ROUNDDOWN(s->vaddr, PAGE);
		uint64_t end = ROUNDUP(s->vaddr + s->memsz, PAGE);
		uint64_t attrs = ((s->perm & ELF_TA_PERM_W) ? PGT_ATTR_W : 0) |
				 ((s->perm & ELF_TA_PERM_X) ? PGT_ATTR_X : 0);
		/* Only code built with landing pads (ELF property) is guarded.
		 */
		if ((s->perm & ELF_TA_PERM_X) && elf->bti)
			attrs |= PGT_ATTR_GUARDED;
		TEE_Result res =
			uspace_map(ta->us, ta->base + start, ta->image + start,
				   (end - start) / PAGE, attrs, false);

		if (res)
			return res;
	}
	return TEE_SUCCESS;
}

static TEE_Result load(const uint8_t uuid[16], struct ta_instance **out)
{
	struct ta_instance *ta;
	struct ta_image img;
	struct elf_ta elf;
	uint8_t *buf = NULL;
	size_t len = 0, stack_pages;
	void *stack;
	const struct utee_ta_head *head;
	TEE_Result res;

	res = fetch_image(uuid, &buf, &len);
	if (res) {
		core_log("TA load: cannot fetch the image (0x%x)", res);
		return res;
	}
	res = ta_image_open(buf, len, uuid, &img);
	if (!res)
		res = elf_ta_decode(img.elf, img.elf_size, &elf);
	if (res) {
		core_log("TA load: image refused (0x%x)", res);
		free(buf);
		return res;
	}
	ta = calloc(1, sizeof(*ta));
	res = ta ? uspace_create(&ta->us) : TEE_ERROR_OUT_OF_MEMORY;
	if (res) {
		free(ta);
		free(buf);
		return res;
	}
	memcpy(ta->uuid, uuid, 16);
	ta->image_pages = elf.span / PAGE;
	ta->image = page_pool_alloc(&core_page_pool, ta->image_pages);
	if (!ta->image) {
		res = TEE_ERROR_OUT_OF_MEMORY;
		goto err;
	}
	/* Randomised layout: image, stack and parameter area apart. */
	ta->base = random_va(USPACE_BASE, 0x800000000ull);
	elf_ta_load(img.elf, &elf, ta->image, ta->base);
	head = (const struct utee_ta_head *)ta->image;
	res = check_head(ta, head);
	if (res) {
		core_log("TA load: bad ta_head (0x%x)", res);
		goto err;
	}
	ta->flags = head->flags;
	ta->entry = ta->base + elf.entry;
	res = map_image(ta, &elf);
	if (res)
		goto err;
	stack_pages = ROUNDUP(head->stack_size, PAGE) / PAGE;
	stack = page_pool_alloc(&core_page_pool, stack_pages);
	if (!stack) {
		res = TEE_ERROR_OUT_OF_MEMORY;
		goto err;
	}
	/* Nothing is mapped below the stack: an overflow faults. */
	ta->stack_top = random_va(0x1000000000ull, 0x800000000ull) +
			(stack_pages + 1) * PAGE;
	res = uspace_map(ta->us, ta->stack_top - stack_pages * PAGE, stack,
			 stack_pages, PGT_ATTR_W, true);
	if (res) {
		page_pool_free(&core_page_pool, stack, stack_pages);
		goto err;
	}
	/*
	 * The utee_params page stays mapped for the instance's life, so a
	 * value-only invoke maps nothing; memref buffers go right after it.
	 */
	ta->params_va = random_va(0x2000000000ull, 0x800000000ull);
	ta->params = page_pool_alloc(&core_page_pool, 1);
	if (!ta->params) {
		res = TEE_ERROR_OUT_OF_MEMORY;
		goto err;
	}
	res = uspace_map(ta->us, ta->params_va, ta->params, 1, PGT_ATTR_W,
			 true);
	if (res) {
		page_pool_free(&core_page_pool, ta->params, 1);
		goto err;
	}
	free(buf);
	core_log("TA %08x loaded at 0x%lx (%zu pages), stack top 0x%lx",
		 be32(uuid), ta->base, ta->image_pages, ta->stack_top);
	*out = ta;
	return TEE_SUCCESS;
err:
	free(buf);
	instance_free(ta);
	return res;
}

/* Runs one entry point with @cp's parameters (may be NULL). */
static TEE_Result run_entry(struct ta_instance *ta, uint32_t func,
			    const struct user_session *s, uint32_t cmd,
			    uint32_t types, union tee_param *p,
			    uint32_t *origin)
{
	struct thread *t = thread_current();
	struct user_ctx uc = {
		.ta = ta,
		.cancel_mask = 1,
		.client = s ? &s->client : NULL,
		.caller = t->user,
		.depth = t->user ? t->user->depth + 1 : 1,
	};
	uint32_t session = s ? s->id : 0;
	struct utee_params *up;
	uint64_t off[TEE_NUM_PARAMS] = {0}, orig[TEE_NUM_PARAMS] = {0};
	size_t pages = 1;
	uint8_t *area = NULL;
	uint64_t r;
	TEE_Result res;

	*origin = TEE_ORIGIN_TEE;
	if (ta->dead)
		return TEE_ERROR_TARGET_DEAD;
	if (uc.depth > USER_TA_MAX_DEPTH) {
		core_log("TA %08x: TA-to-TA calls nested too deep",
			 be32(ta->uuid));
		return TEE_ERROR_BUSY;
	}
	/* Memref buffers, each page aligned, right after the params page. */
	for (int i = 0; p && i < TEE_NUM_PARAMS; i++) {
		uint32_t ty = TEE_PARAM_TYPE_GET(types, i);

		if (ty >= TEE_PARAM_TYPE_MEMREF_INPUT && p[i].memref.buffer) {
			off[i] = pages * PAGE;
			pages += ROUNDUP(p[i].memref.size, PAGE) / PAGE;
		}
	}
	if (pages > 1) {
		area = page_pool_alloc(&core_page_pool, pages - 1);
		if (!area)
			return TEE_ERROR_OUT_OF_MEMORY;
		res = uspace_map(ta->us, ta->params_va + PAGE, area, pages - 1,
				 PGT_ATTR_W, true);
		if (res) {
			page_pool_free(&core_page_pool, area, pages - 1);
			return res;
		}
		area -= PAGE; /* so that area + off[i] is the buffer */
	}
	up = ta->params;
	memset(up, 0, sizeof(*up));
	up->types = p ? types : 0;
	for (int i = 0; p && i < TEE_NUM_PARAMS; i++) {
		uint32_t ty = TEE_PARAM_TYPE_GET(types, i);

		if (ty >= TEE_PARAM_TYPE_MEMREF_INPUT) {
			orig[i] = p[i].memref.size;
			up->vals[2 * i] = off[i] ? ta->params_va + off[i] : 0;
			up->vals[2 * i + 1] = p[i].memref.size;
			if (off[i] && ty != TEE_PARAM_TYPE_MEMREF_OUTPUT)
				memcpy(area + off[i], p[i].memref.buffer,
				       p[i].memref.size);
		} else if (ty != TEE_PARAM_TYPE_NONE) {
			up->vals[2 * i] = p[i].value.a;
			up->vals[2 * i + 1] = p[i].value.b;
		}
	}

	t->user = &uc;
	t->active_uspace = ta->us;
	uspace_activate(ta->us);
	user_fp_entry_start();
	r = user_enter(&(struct user_entry){func, session, ta->params_va, cmd,
					    ta->stack_top, ta->entry},
		       &uc.save);
	t = thread_current();
	user_fp_entry_end(&uc);
	/* Back to the calling TA's address space, if a TA called this one. */
	t->user = uc.caller;
	t->active_uspace = uc.caller ? uc.caller->ta->us : NULL;
	if (uc.caller)
		uspace_activate(uc.caller->ta->us);
	else
		uspace_deactivate();

	if (uc.panicked) {
		core_log("TA %08x panicked (0x%x): instance is dead",
			 be32(ta->uuid), uc.panic_code);
		ta->dead = true;
		res = TEE_ERROR_TARGET_DEAD;
	} else {
		res = (TEE_Result)r;
		*origin = TEE_ORIGIN_TRUSTED_APP;
		/* Only sizes and values come back; our own offsets for data. */
		for (int i = 0; p && i < TEE_NUM_PARAMS; i++) {
			uint32_t ty = TEE_PARAM_TYPE_GET(types, i);

			if (ty == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
			    ty == TEE_PARAM_TYPE_MEMREF_INOUT) {
				uint64_t n = up->vals[2 * i + 1];

				if (off[i] && res == TEE_SUCCESS)
					memcpy(p[i].memref.buffer,
					       area + off[i],
					       n < orig[i] ? n : orig[i]);
				p[i].memref.size = n;
			} else if (ty == TEE_PARAM_TYPE_VALUE_OUTPUT ||
				   ty == TEE_PARAM_TYPE_VALUE_INOUT) {
				p[i].value.a = (uint32_t)up->vals[2 * i];
				p[i].value.b = (uint32_t)up->vals[2 * i + 1];
			}
		}
	}
	if (pages > 1) /* buffer pages zeroed and freed */
		uspace_unmap(ta->us, ta->params_va + PAGE);
	return res;
}

static bool claim(struct ta_instance *ta)
{
	uint32_t free = 0;

	return __atomic_compare_exchange_n(&ta->busy, &free,
					   thread_current()->index + 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Busy further up this thread's own chain of TA-to-TA calls. */
static bool claimed_by_this_thread(struct ta_instance *ta)
{
	return __atomic_load_n(&ta->busy, __ATOMIC_RELAXED) ==
	       thread_current()->index + 1;
}

static void release(struct ta_instance *ta)
{
	__atomic_store_n(&ta->busy, 0, __ATOMIC_RELEASE);
}

static void unlink_instance(struct ta_instance *ta)
{
	spin_lock(&instances_lock);
	for (struct ta_instance **l = &instances; *l; l = &(*l)->next)
		if (*l == ta) {
			*l = ta->next;
			break;
		}
	spin_unlock(&instances_lock);
}

static void destroy(struct ta_instance *ta)
{
	uint32_t origin;

	if (!ta->dead)
		run_entry(ta, UTEE_ENTRY_DESTROY, NULL, 0, 0, NULL, &origin);
	/* Sessions it opened to other TAs and never closed (or it died). */
	session_close_all_of(ta);
	unlink_instance(ta);
	instance_free(ta);
}

TEE_Result user_ta_open_session(const uint8_t uuid[16],
				const struct tee_identity *client,
				uint32_t types, union tee_param p[4],
				void **session_ctx, uint32_t *origin)
{
	struct ta_instance *ta = NULL;
	struct user_session *s;
	bool fresh = false;
	TEE_Result res;

	*origin = TEE_ORIGIN_TEE;
	spin_lock(&instances_lock);
	for (struct ta_instance *i = instances; i; i = i->next)
		if (!memcmp(i->uuid, uuid, 16) && !i->dead &&
		    (i->flags & TA_FLAG_SINGLE_INSTANCE))
			ta = i;
	if (ta && !(ta->flags & TA_FLAG_MULTI_SESSION) && ta->sessions) {
		spin_unlock(&instances_lock);
		return TEE_ERROR_BUSY;
	}
	if (ta)
		ta->sessions++; /* holds it while we open */
	spin_unlock(&instances_lock);
	if (!ta) {
		res = load(uuid, &ta);
		if (res)
			return res;
		fresh = true;
		ta->sessions = 1;
		spin_lock(&instances_lock);
		ta->next = instances;
		instances = ta;
		spin_unlock(&instances_lock);
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		res = TEE_ERROR_OUT_OF_MEMORY;
		goto fail;
	}
	if (!claim(ta)) {
		res = TEE_ERROR_BUSY;
		goto fail;
	}
	s->ta = ta;
	s->id = ++ta->next_session;
	s->client = *client;
	res = run_entry(ta, UTEE_ENTRY_OPEN_SESSION, s, 0, types, p, origin);
	release(ta);
	if (!res) {
		*session_ctx = s;
		return TEE_SUCCESS;
	}
fail:
	free(s);
	spin_lock(&instances_lock);
	ta->sessions--;
	spin_unlock(&instances_lock);
	if (!ta->sessions &&
	    (fresh || !(ta->flags & TA_FLAG_INSTANCE_KEEP_ALIVE) || ta->dead))
		destroy(ta);
	return res;
}

static TEE_Result user_session_invoke(void *ctx, uint32_t cmd, uint32_t types,
				      union tee_param p[4])
{
	struct user_session *s = ctx;
	uint32_t origin;
	TEE_Result res;

	if (s->ta->dead)
		return TEE_ERROR_TARGET_DEAD;
	if (!claim(s->ta))
		return TEE_ERROR_BUSY;
	res = run_entry(s->ta, UTEE_ENTRY_INVOKE_COMMAND, s, cmd, types, p,
			&origin);
	release(s->ta);
	return res;
}

static void user_session_close(void *ctx)
{
	struct user_session *s = ctx;
	struct ta_instance *ta = s->ta;
	uint32_t origin;
	bool last, claimed = false;

	/*
	 * The session table guarantees no invoke runs on this session; another
	 * session's call may, and ends. If the instance is one this thread's
	 * own call chain is in (the TA it called holds a session back to
	 * it), waiting would never end: the close entry is skipped.
	 */
	while (!claimed && !claimed_by_this_thread(ta))
		claimed = claim(ta);
	if (!claimed)
		core_log("TA %08x busy in this call chain: session %u closed "
			 "without its close entry",
			 be32(ta->uuid), s->id);
	else if (!ta->dead)
		run_entry(ta, UTEE_ENTRY_CLOSE_SESSION, s, 0, 0, NULL, &origin);
	if (claimed)
		release(ta);
	spin_lock(&instances_lock);
	last = --ta->sessions == 0;
	spin_unlock(&instances_lock);
	if (last && (ta->dead || !(ta->flags & TA_FLAG_SINGLE_INSTANCE) ||
		     !(ta->flags & TA_FLAG_INSTANCE_KEEP_ALIVE)))
		destroy(ta);
	free(s);
}

const struct pta user_ta_session_ops = {
	.name = "user TA",
	.close_session = user_session_close,
	.invoke = user_session_invoke,
};
