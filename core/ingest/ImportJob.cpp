#include "ImportJob.h"

#include "CatalogImport.h"
#include "CsvReader.h"
#include "EventKeySet.h"
#include "ImportPreset.h"
#include "ImportRecord.h"
#include "IngestError.h"
#include "InputFile.h"
#include "JsonLinesReader.h"
#include "ReadAhead.h"
#include "RowMapper.h"
#include "SegmentEvents.h"
#include "TextDecoder.h"

#include "identity/IdentityResolver.h"
#include "journey/JourneyRuntime.h"
#include "profile/TraitBuilder.h"
#include "store/PragmaScope.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

namespace clientele {
namespace {

constexpr std::int64_t kProgressEveryRows = 20000;
/// How many rows ahead identity resolution's index is prefetched: its slots, then (once
/// they are in the cache) the key text they point to. A row takes microseconds, so one or
/// two rows are enough time; farther ahead, other work would evict the lines again.
constexpr std::size_t kPrefetchSlotsAhead = 4;
constexpr std::size_t kPrefetchKeysAhead = 2;
constexpr std::int64_t kImportCacheKiB = 512 * 1024;
/// A first load appends to tables without indexes (they are built at the end): a small
/// cache is enough.
constexpr std::int64_t kFirstLoadCacheKiB = 64 * 1024;
/// The stages a first load reports after the rows (see ImportJob.h).
constexpr const char *kStageShoppers = ImportJob::kStageWritingShoppers;
constexpr const char *kStageIndexes = ImportJob::kStageBuildingIndexes;

/**
 * The connection settings and the transaction one import runs in, decided once.
 *
 * A first load (a workspace without events yet) takes the bulk path and runs without
 * per-row foreign-key checks (two b-tree lookups per event): every profile and import id it
 * writes comes from the same transaction. That setting must be made outside the
 * transaction, as SQLite requires. Inserting into existing event indexes touches pages all
 * over each index; a large cache keeps that from spilling to the log page by page
 * (PERF-NOTES: the small cache is for index builds, not for loads into existing indexes).
 * Leaving the scope rolls back unless commit() was called, then restores the settings.
 */
class ImportScope {
public:
    explicit ImportScope(Database &db)
        : firstLoad_(db.queryInt("SELECT NOT EXISTS (SELECT 1 FROM events)") == 1)
        , cache_(db, "cache_size", firstLoad_ ? -kFirstLoadCacheKiB : -kImportCacheKiB)
    {
        if (firstLoad_) {
            foreignKeys_.emplace(db, "foreign_keys", 0);
            journal_.emplace(db);
        }
        transaction_.emplace(db);
    }
    bool firstLoad() const { return firstLoad_; }
    void commit() { transaction_->commit(); }

private:
    /**
     * A first load writes nearly every page of the workspace. In WAL mode each is written
     * twice: to the log, then by the checkpoint into the file. A rollback journal keeps
     * only the pages that existed before the transaction (a few in an empty workspace),
     * and after a kill -9 the next open still rolls the file back to them. The switch
     * needs the file to itself: with another connection open (the app's readers) it fails
     * at once and the import stays in WAL mode. Synchronous FULL while in rollback mode:
     * NORMAL is only power-safe with WAL.
     */
    class RollbackJournal {
    public:
        explicit RollbackJournal(Database &db)
            : db_(db)
        {
            {
                PragmaScope noWaiting(db, "busy_timeout", 0);
                try {
                    db.exec("PRAGMA journal_mode = DELETE");
                } catch (const StoreError &) {
                    return; // shared: keep WAL
                }
            }
            switched_ = db.queryInt("SELECT journal_mode = 'delete' FROM pragma_journal_mode") == 1;
            if (!switched_)
                return;
            synchronous_ = db.queryInt("PRAGMA synchronous");
            db.exec("PRAGMA synchronous = FULL");
        }
        ~RollbackJournal()
        {
            if (!switched_)
                return;
            try {
                db_.exec("PRAGMA journal_mode = WAL");
                // Only back in WAL mode is the connection's lighter setting power-safe.
                db_.exec("PRAGMA synchronous = " + std::to_string(synchronous_));
            } catch (const StoreError &) {
                // Stays on the rollback journal with FULL; the next open sets WAL again
                // (Workspace's connection settings).
            }
        }
        RollbackJournal(const RollbackJournal &) = delete;
        RollbackJournal &operator=(const RollbackJournal &) = delete;

    private:
        Database &db_;
        bool switched_ = false;
        std::int64_t synchronous_ = 0;
    };

    bool firstLoad_;
    PragmaScope cache_;
    std::optional<PragmaScope> foreignKeys_;
    std::optional<RollbackJournal> journal_;
    std::optional<Transaction> transaction_; ///< last: ends before the settings are restored
};

/// FNV-1a, 64 bit: the event key of a row, from the source's id or from its content.
class EventKeyHash {
public:
    void add(std::string_view text)
    {
        for (unsigned char c : text) {
            hash_ ^= c;
            hash_ *= 0x100000001b3ull;
        }
        hash_ ^= 0xff; // field separator, so ("ab","c") and ("a","bc") differ
        hash_ *= 0x100000001b3ull;
    }
    std::int64_t value() const { return static_cast<std::int64_t>(hash_); }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

/// The source's own id when the row has one (re-exports keep it), else its content.
template<class AddContent>
std::int64_t eventKey(const MappedRow &row, const char *contentKind, AddContent addContent)
{
    EventKeyHash key;
    if (!row.sourceId.empty()) {
        key.add("id");
        key.add(row.sourceId);
    } else {
        key.add(contentKind);
        addContent(key);
    }
    return key.value();
}

/// The event key of a CSV row that is one event of its own.
std::int64_t rowEventKey(const MappedRow &row, const CsvRecord &record)
{
    return eventKey(row, "row", [&record](EventKeyHash &hash) {
        for (const std::string &field : record.fields)
            hash.add(field);
    });
}

/// The event key of a JSON Lines message.
std::int64_t messageEventKey(const MappedRow &row, const JsonRecord &record)
{
    return eventKey(row, "message", [&record](EventKeyHash &hash) {
        hash.add(record.value.dump()); // keys sorted: the same message, the same text
    });
}

/// A record as the reading thread hands it over: read, and mapped unless it is broken.
/// The reading thread also computes what the importing thread will look up (identifier
/// hashes, the event key), so that the importing thread can prefetch it.
template<class Record> struct ReadItem {
    Record record;
    MappedRow row;
    std::string reason; ///< why the record cannot be mapped, or empty
    std::int64_t key = 0; ///< the event key of a mapped row that is one event of its own
};
using ReadRow = ReadItem<CsvRecord>;
using ReadMessage = ReadItem<JsonRecord>;

/// A source line of the file, kept while its order is assembled, for the reject log.
struct SourceLine {
    std::int64_t line;
    std::string raw;
};

/// An order being assembled from consecutive line-item rows.
struct OrderDraft {
    MappedRow row; ///< the first line's row, with quantity summed over the lines
    /// The lines' values summed: the order's value unless its first line states a total.
    double linesValue = 0.0;
    /// The order's total from its first line (ImportMapping::orderTotalOnFirstLine).
    std::optional<double> total;
    nlohmann::json products = nlohmann::json::array();
    std::vector<SourceLine> lines;
};

/// On the reading thread: what identity resolution will look its identifiers up by.
void hashIdentifiers(MappedRow &row)
{
    for (Identifier &identifier : row.identifiers)
        identifier.hash = IdentifierIndex::hashOf(identifier.kind, identifier.value);
}

std::optional<std::string> textOrNull(const std::string &text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

/**
 * One run of an import inside its transaction: writes events, products, rejects and the
 * imports record, and keeps the counts that add up to the rows read.
 */
class ImportRun {
public:
    ImportRun(Workspace &workspace, const ImportRequest &request, const ImportMapping &mapping,
        ImportSummary &summary, bool firstLoad)
        : db_(workspace.db())
        , mapping_(mapping)
        , fileName_(std::filesystem::path(request.inputPath).filename().string())
        , summary_(summary)
        , bulkLoad_(firstLoad)
        , resolver_(db_)
        // A bulk load de-duplicates in memory (seenKeys_): the unique index on event_key
        // that ON CONFLICT needs is built once at the end.
        , insertEvent_(db_,
              std::string(
                  "INSERT INTO events(event_key, ts, type, profile_id, channel, product_id, "
                  "category, order_id, cart_id, value, quantity, currency, import_id, props, "
                  "identity_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                  + (bulkLoad_ ? "" : " ON CONFLICT(event_key) DO NOTHING"))
        , extendOrder_(db_,
              "UPDATE events SET value = coalesce(value, 0) + ?2, "
              "quantity = coalesce(quantity, 0) + ?3, "
              "props = json_set(props, '$.products', (SELECT json_group_array(json(value)) FROM "
              "(SELECT value FROM json_each(props, '$.products') UNION ALL "
              "SELECT value FROM json_each(?4)))) WHERE id = ?1")
        , insertReject_(db_,
              "INSERT INTO import_rejects(import_id, line, reason, raw) VALUES (?1, ?2, ?3, ?4)")
        // A later statement (a later order, a later export) may change an implied event:
        // a refund grows, an order is cancelled after it was refunded.
        , upsertImpliedEvent_(db_,
              std::string("INSERT INTO events(event_key, ts, type, profile_id, channel, order_id, "
                          "value, currency, import_id, identity_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                  + (bulkLoad_
                          ? ""
                          : " ON CONFLICT(event_key) DO UPDATE SET ts = excluded.ts, "
                            "value = excluded.value, currency = excluded.currency, "
                            "import_id = excluded.import_id WHERE excluded.ts IS NOT events.ts "
                            "OR excluded.value IS NOT events.value"))
        , updateImpliedEvent_(db_,
              "UPDATE events SET ts = ?2, value = ?3, currency = ?4 WHERE id = ?1 "
              "AND (ts IS NOT ?2 OR value IS NOT ?3)")
        // Newer wins: a consent stated earlier than the one on file does not replace it.
        , upsertConsent_(db_,
              "INSERT INTO consents(profile_id, channel, status, source, ts) "
              "VALUES (?1, ?2, ?3, ?4, ?5) "
              "ON CONFLICT(profile_id, channel) DO UPDATE SET status = excluded.status, "
              "source = excluded.source, ts = excluded.ts WHERE excluded.ts >= consents.ts")
        , findProduct_(db_, "SELECT id FROM products WHERE sku = ?1")
        , insertProduct_(db_,
              "INSERT INTO products(sku, name, category, brand, price, currency) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        , updateProfile_(db_,
              "UPDATE profiles SET first_name = coalesce(?2, first_name), "
              "last_name = coalesce(?3, last_name), country = coalesce(?4, country), "
              "city = coalesce(?5, city) WHERE id = ?1")
    {
        const auto metaCurrency = workspace.meta("currency");
        currency_ = metaCurrency.empty() ? "EUR" : metaCurrency;
        resolver_.setImportId(summary_.importId);
        // A first load into an empty workspace builds the event indexes once at the end
        // instead of row by row (PERF-NOTES: several times faster); merges then move their
        // events in one pass at the end too (ImportScope gave it a small cache).
        if (bulkLoad_) {
            dropEventIndexes(db_);
            resolver_.setBulkLoad(true);
        }
    }

    /// Starts loading what importing a row a few places ahead will look up (see
    /// kPrefetchSlotsAhead): its identifiers, and in a first load its event key.
    void prefetch(
        const MappedRow &row, std::int64_t key, IdentityResolver::PrefetchStage stage) const
    {
        resolver_.prefetch(row.identifiers, stage);
        if (bulkLoad_ && stage == IdentityResolver::PrefetchStage::Slots)
            seenKeys_.prefetch(key);
    }

    /// Reasons from the reader already name their line.
    void rejectAsIs(std::int64_t line, const std::string &reason, const std::string &raw)
    {
        insertReject_.bind(1, summary_.importId).bind(2, line).bind(3, reason).bind(4, raw).run();
        ++summary_.rejected;
    }

    void reject(std::int64_t line, const std::string &reason, const std::string &raw)
    {
        rejectAsIs(line, describeLine(line) + ": " + reason, raw);
    }

    /// A row that is one event of its own; key is its rowEventKey().
    void addEvent(MappedRow &row, const CsvRecord &record, std::int64_t key)
    {
        write(row, key, { { record.line, record.raw } });
    }

    /// A JSON Lines message; key is its messageEventKey().
    void addMessage(MappedRow &row, const JsonRecord &record, std::int64_t key)
    {
        write(row, key, { { record.line, record.raw } });
    }

    /// A line item: joins the open order when it continues it, else starts a new one.
    void addLineItem(MappedRow &row, const CsvRecord &record)
    {
        if (order_ && (order_->row.orderId != row.orderId || order_->row.type != row.type))
            flushOrder();
        const double quantity = row.quantity.value_or(1.0);
        nlohmann::json line { { "sku", row.sku }, { "quantity", quantity } };
        if (!row.productName.empty())
            line["name"] = row.productName;
        if (row.price)
            line["price"] = *row.price;
        // With order totals, a line's price × quantity only stands in for a missing total.
        const double lineValue = mapping_.orderTotalOnFirstLine ? row.price.value_or(0.0) * quantity
                                                                : row.value.value_or(0.0);
        if (!order_) {
            order_.emplace();
            if (mapping_.orderTotalOnFirstLine)
                order_->total = row.value;
            order_->row = std::move(row);
            order_->row.quantity = 0.0;
        }
        order_->linesValue += lineValue;
        *order_->row.quantity += quantity;
        order_->products.push_back(std::move(line));
        order_->lines.push_back({ record.line, record.raw });
    }

    void flushOrder()
    {
        if (!order_)
            return;
        OrderDraft order = std::move(*order_);
        order_.reset();
        EventKeyHash key;
        key.add("order");
        key.add(order.row.type);
        key.add(order.row.orderId);
        order.row.value = order.total.value_or(order.linesValue);
        if (const auto it = ordersWritten_.find(key.value()); it != ordersWritten_.end()) {
            extendOpenOrder(it->second, order);
            return;
        }
        order.row.properties["products"] = std::move(order.products);
        // One order's lines are one event; its first line's product stands for the order
        // only in the products list, not in the product column.
        order.row.sku.clear();
        order.row.productName.clear();
        write(order.row, key.value(), order.lines);
        if (lastWriteInserted_)
            ordersWritten_.emplace(key.value(), db_.lastInsertRowId());
    }

    /// Writes what a bulk load held back, builds its indexes, and computes the traits of
    /// the profiles the import touched (all of them after a bulk load).
    void finish(ProgressSink *progress)
    {
        flushOrder();
        if (bulkLoad_) {
            reportProgress(progress, 0, 1, kStageShoppers);
            resolver_.finishBulkLoad();
            reportProgress(progress, 0, 1, kStageIndexes);
            // Index builds sort: a small cache keeps SQLite's sorter threads (PERF-NOTES).
            db_.exec("PRAGMA cache_size = -16384");
            createEventIndexes(db_);
            TraitBuilder::rebuildAll(db_, progress);
        } else {
            // refresh() sorts and de-duplicates the list itself.
            touched_.insert(
                touched_.end(), resolver_.mergedAway().begin(), resolver_.mergedAway().end());
            TraitBuilder::refresh(db_, touched_);
        }

        // Switched-on journeys see the new events in the same transaction: an import and
        // the messages it scheduled happen together or not at all.
        const AdvanceSummary journeys = JourneyRuntime::advanceAll(db_, progress);
        summary_.journeyEntries = journeys.entered;
        summary_.journeyMessages = journeys.messages;

        const ResolutionStats &stats = resolver_.stats();
        summary_.profilesCreated = stats.profilesCreated;
        summary_.merges = stats.merges;
        summary_.mergesRefused = stats.refusals;
    }

private:
    /// The same order id again further down the file (an export that interleaves
    /// orders): its lines join the order event this import already wrote.
    void extendOpenOrder(std::int64_t eventId, const OrderDraft &order)
    {
        // An order total was on the order's first line; its later lines add no money.
        extendOrder_.bind(1, eventId)
            .bind(2, mapping_.orderTotalOnFirstLine ? 0.0 : order.row.value.value_or(0.0))
            .bind(3, static_cast<std::int64_t>(order.row.quantity.value_or(0.0)))
            .bind(4, order.products.dump())
            .run();
        summary_.imported += static_cast<std::int64_t>(order.lines.size());
    }

    void write(MappedRow &row, std::int64_t key, const std::vector<SourceLine> &lines)
    {
        lastWriteInserted_ = false;
        const auto rows = static_cast<std::int64_t>(lines.size());
        const auto profile = resolver_.resolve(row.identifiers, row.ts, row.channel);
        if (profile && !bulkLoad_ && (touched_.empty() || touched_.back() != *profile))
            touched_.push_back(*profile);
        if (!profile) {
            for (const SourceLine &line : lines)
                reject(line.line,
                    "every identifier in this row is on the list of values that never identify "
                    "a shopper",
                    line.raw);
            return;
        }
        if (!row.firstName.empty() || !row.lastName.empty() || !row.country.empty()
            || !row.city.empty()) {
            updateProfile_.bind(1, *profile)
                .bind(2, textOrNull(row.firstName))
                .bind(3, textOrNull(row.lastName))
                .bind(4, textOrNull(row.country))
                .bind(5, textOrNull(row.city))
                .run();
        }
        std::optional<std::int64_t> quantity;
        if (row.quantity)
            quantity = static_cast<std::int64_t>(*row.quantity);
        if (!row.productName.empty())
            row.properties["product_name"] = row.productName;
        const std::string &eventCurrency = row.currency.empty() ? currency_ : row.currency;
        if (bulkLoad_ && !seenKeys_.insert(key)) {
            summary_.duplicates += rows;
            writeImpliedEvents(row, key, *profile, eventCurrency);
            return;
        }
        insertEvent_.bind(1, key)
            .bind(2, row.ts)
            .bind(3, row.type)
            .bind(4, *profile)
            .bind(5, row.channel)
            .bind(6, productIdFor(row))
            .bind(7, textOrNull(row.category))
            .bind(8, textOrNull(row.orderId))
            .bind(9, textOrNull(row.cartId))
            .bind(10, row.value)
            .bind(11, quantity)
            .bind(12, row.value ? std::optional<std::string>(eventCurrency) : std::nullopt)
            .bind(13, summary_.importId)
            .bind(14, textOrNull(row.properties.empty() ? std::string() : row.properties.dump()))
            .bind(15, resolver_.resolvedIdentity())
            .run();
        lastWriteInserted_ = db_.changes() != 0;
        (lastWriteInserted_ ? summary_.imported : summary_.duplicates) += rows;
        // A duplicate's consents were written when it was new: re-importing an old file
        // must not restate them with a new time.
        if (lastWriteInserted_)
            writeConsents(*profile, row.consents);
        writeImpliedEvents(row, key, *profile, eventCurrency);
    }

    void writeConsents(ProfileId profile, const std::vector<ConsentUpdate> &consents)
    {
        for (const ConsentUpdate &consent : consents) {
            upsertConsent_.bind(1, profile)
                .bind(2, consent.channel)
                .bind(3, consent.status)
                .bind(4, consent.source.empty() ? fileName_ : consent.source)
                .bind(5, consent.ts)
                .run();
        }
    }

    /// Implied events are keyed by their row's event and their type, and written even when
    /// that event is a duplicate: a later export adds the cancellations made since.
    void writeImpliedEvents(
        const MappedRow &row, std::int64_t rowKey, ProfileId profile, const std::string &currency)
    {
        for (const ImpliedEvent &implied : row.impliedEvents) {
            EventKeyHash key;
            key.add("implied");
            key.add(std::to_string(rowKey));
            key.add(implied.type);
            if (bulkLoad_) {
                const auto written = impliedRows_.find(key.value());
                if (written != impliedRows_.end()) {
                    updateImpliedEvent_.bind(1, written->second)
                        .bind(2, implied.ts)
                        .bind(3, implied.value)
                        .bind(
                            4, implied.value ? std::optional<std::string>(currency) : std::nullopt)
                        .run();
                    continue;
                }
                seenKeys_.insert(key.value());
            }
            upsertImpliedEvent_.bind(1, key.value())
                .bind(2, implied.ts)
                .bind(3, implied.type)
                .bind(4, profile)
                .bind(5, row.channel)
                .bind(6, textOrNull(row.orderId))
                .bind(7, implied.value)
                .bind(8, implied.value ? std::optional<std::string>(currency) : std::nullopt)
                .bind(9, summary_.importId)
                .bind(10, resolver_.resolvedIdentity())
                .run();
            if (bulkLoad_)
                impliedRows_.emplace(key.value(), db_.lastInsertRowId());
        }
    }

    std::optional<std::int64_t> productIdFor(const MappedRow &row)
    {
        if (row.sku.empty())
            return std::nullopt;
        if (const auto it = products_.find(row.sku); it != products_.end())
            return it->second;
        std::int64_t id = 0;
        findProduct_.bind(1, row.sku);
        if (findProduct_.step()) {
            id = findProduct_.columnInt(0);
        } else {
            insertProduct_.bind(1, row.sku)
                .bind(2, row.productName.empty() ? row.sku : row.productName)
                .bind(3, row.category)
                .bind(4, textOrNull(row.brand))
                .bind(5, row.price.value_or(0.0))
                .bind(6, row.currency.empty() ? currency_ : row.currency)
                .run();
            id = db_.lastInsertRowId();
        }
        findProduct_.reset();
        products_.emplace(row.sku, id);
        return id;
    }

    Database &db_;
    const ImportMapping &mapping_;
    std::string fileName_;
    ImportSummary &summary_;
    /// A first load into an empty workspace (see the constructor).
    bool bulkLoad_;
    IdentityResolver resolver_;
    Statement insertEvent_;
    Statement extendOrder_;
    Statement insertReject_;
    Statement upsertImpliedEvent_;
    Statement updateImpliedEvent_;
    Statement upsertConsent_;
    Statement findProduct_;
    Statement insertProduct_;
    Statement updateProfile_;
    std::string currency_;
    std::unordered_map<std::string, std::int64_t> products_;
    std::optional<OrderDraft> order_;
    /// Order events this import wrote, by event key → row id: the only ones that later
    /// lines of the same order may still extend.
    std::unordered_map<std::int64_t, std::int64_t> ordersWritten_;
    bool lastWriteInserted_ = false;
    /// Profiles an incremental import wrote to, for the trait refresh (with repeats).
    std::vector<ProfileId> touched_;
    /// Keys written by a bulk load, and its implied events' rows by key.
    EventKeySet seenKeys_;
    std::unordered_map<std::int64_t, std::int64_t> impliedRows_;
};

/**
 * Drives one import's rows: counts them, reports progress, rejects what the reader or the
 * mapping refused (with the line and the reason), hands every mapped row to add, and
 * finishes the run (bulk-load writes, indexes, traits).
 */
template<class Record, class Add>
void importRows(ReadAhead<ReadItem<Record>> &ahead, ImportRun &run, ImportSummary &summary,
    std::int64_t total, ProgressSink *progress, Add add)
{
    while (ReadItem<Record> *item = ahead.next()) {
        if (const auto *later = ahead.peek(kPrefetchSlotsAhead))
            run.prefetch(later->row, later->key, IdentityResolver::PrefetchStage::Slots);
        if (const auto *later = ahead.peek(kPrefetchKeysAhead))
            run.prefetch(later->row, later->key, IdentityResolver::PrefetchStage::Keys);
        ++summary.rowsRead;
        if (summary.rowsRead % kProgressEveryRows == 0)
            reportProgress(progress, ahead.position(), total, "Importing");
        const Record &record = item->record;
        if (!record.error.empty()) {
            run.rejectAsIs(record.line, record.error, record.raw);
            continue;
        }
        if (!item->reason.empty()) {
            run.reject(record.line, item->reason, record.raw);
            continue;
        }
        summary.identifiersRejected
            += static_cast<std::int64_t>(item->row.identifierProblems.size());
        add(item->row, *item);
    }
    run.finish(progress);
}

/// A Segment JSON Lines export (preset "segment"): one event per message.
ImportSummary runSegment(Workspace &workspace, const ImportRequest &request, ProgressSink *progress)
{
    Database &db = workspace.db();
    SegmentMapper mapper(request.mapping.timezone, request.mapping.country);
    InputFile input(request.inputPath);
    JsonLinesReader reader(input);
    const Millis startedAt = nowMillis();
    const auto total = static_cast<std::int64_t>(input.fileSize());
    reportProgress(progress, 0, total, "Reading");
    ImportScope scope(db);
    ImportSummary summary;
    summary.preset = "segment";
    summary.importId = startImportRecord(db, request, summary.preset, startedAt);

    const ImportMapping mapping; // one event per message: no line items
    ImportRun run(workspace, request, mapping, summary, scope.firstLoad());
    ReadAhead<ReadMessage> ahead(
        [&reader, &mapper](ReadMessage &item) {
            if (!reader.next(item.record))
                return false;
            item.reason.clear();
            item.key = 0;
            if (item.record.ok()) {
                item.reason = mapper.map(item.record.value, item.row);
                item.key = messageEventKey(item.row, item.record);
            }
            hashIdentifiers(item.row);
            return true;
        },
        [&input] { return static_cast<std::int64_t>(input.compressedBytesRead()); });
    importRows(
        ahead, run, summary, total, progress, [&run](MappedRow &row, const ReadMessage &item) {
            run.addMessage(row, item.record, item.key);
        });
    completeImportRecord(db, summary);
    reportProgress(progress, total, total, "Saving");
    scope.commit();
    return summary;
}

} // namespace

ImportSummary ImportJob::run(
    Workspace &workspace, const ImportRequest &request, ProgressSink *progress)
{
    const bool jsonLines = isJsonLines(request.inputPath);
    if (jsonLines) {
        if (request.preset == "auto" || request.preset == "segment")
            return runSegment(workspace, request, progress);
        throw std::invalid_argument("This file is JSON Lines, not CSV; import it with the "
                                    "segment preset (or auto).");
    }
    if (request.preset == "segment")
        throw std::invalid_argument("The segment preset reads JSON Lines (one JSON object per "
                                    "line); this file is not.");

    Database &db = workspace.db();
    InputFile input(request.inputPath);
    CsvReader::Options readerOptions;
    readerOptions.delimiter = request.delimiter;
    const auto encoding = TextDecoder::encodingFromName(request.encoding);
    if (!encoding)
        throw std::invalid_argument("'" + request.encoding
            + "' is not a text encoding Clientele reads (use utf-8 or windows-1252).");
    readerOptions.encoding = *encoding;
    CsvReader reader(input, readerOptions);
    const std::vector<std::string> header = reader.header();
    const std::string format = request.preset == "auto" ? detectCsvFormat(header) : request.preset;
    if (format == CatalogImport::kPresetName)
        return CatalogImport::run(workspace, request, input, reader, progress);

    const ImportPreset *preset = nullptr;
    if (!format.empty() && format != "generic") {
        preset = ImportPreset::find(format);
        if (!preset)
            throw std::invalid_argument(
                "'" + request.preset + "' is not an import preset Clientele knows.");
    }
    if (!preset && request.preset == "auto" && request.mapping.columns.empty())
        throw std::invalid_argument("This file is not in a format Clientele recognises; map its "
                                    "columns with a mapping file (see docs/import-mapping.md).");
    const ImportMapping mapping = preset ? preset->mapping(header) : request.mapping;
    const auto problems = mapping.problems(header);
    if (!problems.empty())
        throw std::invalid_argument(problems.front());
    const Millis startedAt = nowMillis();
    RowMapper mapper(mapping, header, request.snapshotTime.value_or(startedAt));

    const auto total = static_cast<std::int64_t>(input.fileSize());
    reportProgress(progress, 0, total, "Reading");
    ImportScope scope(db);
    ImportSummary summary;
    summary.preset = preset ? preset->name() : "generic";
    summary.importId = startImportRecord(db, request, summary.preset, startedAt);

    ImportRun run(workspace, request, mapping, summary, scope.firstLoad());
    ReadAhead<ReadRow> ahead(
        [&reader, &mapper, &mapping, preset](ReadRow &item) {
            if (!reader.next(item.record))
                return false;
            item.reason.clear();
            item.key = 0;
            if (item.record.error.empty()) {
                item.reason = mapper.map(item.record.fields, item.row, preset, item.record.line);
                // A line item's event is its order's, keyed when the order is complete.
                if (!mapping.lineItems || item.row.orderId.empty())
                    item.key = rowEventKey(item.row, item.record);
            }
            hashIdentifiers(item.row);
            return true;
        },
        [&input] { return static_cast<std::int64_t>(input.compressedBytesRead()); });
    importRows(ahead, run, summary, total, progress,
        [&run, &mapping](MappedRow &row, const ReadRow &item) {
            if (mapping.lineItems && !row.orderId.empty())
                run.addLineItem(row, item.record);
            else
                run.addEvent(row, item.record, item.key);
        });

    completeImportRecord(db, summary);
    reportProgress(progress, total, total, "Saving");
    scope.commit();
    return summary;
}

std::vector<std::string> ImportJob::csvHeader(const std::string &path, const std::string &encoding)
{
    CsvReader::Options options;
    const auto decoding = TextDecoder::encodingFromName(encoding);
    if (!decoding)
        throw std::invalid_argument("'" + encoding
            + "' is not a text encoding Clientele reads (use utf-8 or windows-1252).");
    options.encoding = *decoding;
    InputFile input(path);
    CsvReader reader(input, options);
    return reader.header();
}

bool ImportJob::isJsonLines(const std::string &path)
{
    InputFile input(path);
    constexpr std::size_t kMaxBlankBytes = std::size_t(1) << 20;
    std::string buffer(64 * 1024, '\0');
    std::size_t seen = 0;
    bool first = true;
    while (seen < kMaxBlankBytes) {
        const std::size_t count = input.read(buffer.data(), buffer.size());
        if (count == 0)
            return false;
        std::string_view text(buffer.data(), count);
        if (first) {
            text.remove_prefix(TextDecoder::utf8BomLength(text));
            first = false;
        }
        const auto at = text.find_first_not_of(" \t\r\n");
        if (at != std::string_view::npos)
            return text[at] == '{';
        seen += count;
    }
    return false;
}

std::string ImportJob::detectCsvFormat(const std::vector<std::string> &header)
{
    if (CatalogImport::matches(header))
        return CatalogImport::kPresetName;
    if (const ImportPreset *preset = ImportPreset::detect(header))
        return preset->name();
    return "generic";
}

} // namespace clientele
