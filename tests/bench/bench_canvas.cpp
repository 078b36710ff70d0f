// How the journey canvas keeps up with a large journey: opening it, painting a frame, a
// drag of one step by mouse (connections follow, one painted frame per mouse move), an edit
// of a step's settings through the undo stack, undo, and Arrange. "Smooth" means each
// interaction and its frame take well under 16 ms (60 frames per second).
//   build/tests/bench/bench_canvas [--steps 100] [--moves 60] [--save FRAME.png]
// Runs offscreen (QT_QPA_PLATFORM=offscreen unless set): the figures are the CPU cost of
// the scene and its painting, without a display's compositor.
#include "BenchReport.h"
#include "JourneyDocument.h"
#include "JourneyNodeItem.h"
#include "JourneyScene.h"
#include "JourneyView.h"

#include "journey/Journey.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPixmap>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace clientele;
using nlohmann::json;

namespace {

/// "prefix" followed by the number (GCC 12 warns wrongly about `numbered("n", i)`).
std::string numbered(const char *prefix, int number)
{
    std::string text = prefix;
    text += std::to_string(number);
    return text;
}

/// A journey of `steps` steps: an entry, then sends, waits, wait-untils (both exits to the
/// next step) and profile updates in turn, then an exit; laid out on a grid of ten columns.
Journey bigJourney(int steps)
{
    json nodes = json::array();
    json connections = json::array();
    auto position = [](int index) {
        return json { { "x", (index % 10) * 260 }, { "y", (index / 10) * 220 } };
    };
    nodes.push_back({ { "id", "n0" }, { "kind", "entry" }, { "position", position(0) },
        { "config", { { "trigger", { { "event", "product_added" } } } } } });
    for (int i = 1; i < steps - 1; ++i) {
        const std::string id = numbered("n", i);
        json node = { { "id", id }, { "position", position(i) } };
        switch (i % 4) {
        case 0:
            node["kind"] = "send";
            node["config"] = { { "channel", "email" }, { "subject", "Hi {{first_name|there}}" },
                { "body", "Your cart: {{cart.items}}" } };
            break;
        case 1:
            node["kind"] = "wait";
            node["config"] = { { "hours", 2 } };
            break;
        case 2:
            node["kind"] = "wait_until";
            node["config"] = { { "event", "order_completed" }, { "timeout_hours", 24 } };
            break;
        default:
            node["kind"] = "update_profile";
            node["config"] = { { "tag", numbered("step-", i) } };
            break;
        }
        nodes.push_back(node);
    }
    nodes.push_back({ { "id", numbered("n", steps - 1) }, { "kind", "exit" },
        { "position", position(steps - 1) } });
    for (int i = 0; i + 1 < steps; ++i) {
        const std::string from = numbered("n", i);
        const std::string to = numbered("n", i + 1);
        const bool waitUntil = nodes[static_cast<std::size_t>(i)]["kind"] == "wait_until";
        for (const char *port : waitUntil ? std::vector<const char *> { "event", "timeout" }
                                          : std::vector<const char *> { "out" })
            connections.push_back({ { "from", { { "node", from }, { "port", port } } },
                { "to", { { "node", to }, { "port", "in" } } } });
    }
    return Journey::fromJson({ { "version", 1 }, { "name", "Bench" }, { "nodes", nodes },
        { "connections", connections } });
}

struct Timings {
    std::vector<double> ms;
    void add(double seconds) { ms.push_back(seconds * 1000.0); }
    double median()
    {
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    }
    double p95()
    {
        std::sort(ms.begin(), ms.end());
        return ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    }
    double max() { return *std::max_element(ms.begin(), ms.end()); }
};

void print(const char *what, Timings &timings)
{
    std::printf("%-34s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%zu)\n", what,
        timings.median(), timings.p95(), timings.max(), timings.ms.size());
}

/// One painted frame of what the view shows.
void paintFrame(JourneyView &view)
{
    const QPixmap frame = view.viewport()->grab();
    if (frame.isNull())
        std::abort();
}

/// A mouse move with the left button held, as a drag sends it.
void dragTo(QWidget *widget, const QPoint &at)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(at), QPointF(widget->mapToGlobal(at)),
        Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const bench::Arguments args(argc, argv,
        "usage: bench_canvas [--steps N] [--moves N] [--save FRAME.png]",
        { "--steps", "--moves", "--save" });
    if (!args.ok())
        return args.usageError();
    const int steps = static_cast<int>(args.number("--steps", 100, 3));
    const int moves = static_cast<int>(args.number("--moves", 60));
    const std::string savePath = args.text("--save");
    QApplication app(argc, argv);
    const Journey journey = bigJourney(steps);

    JourneyDocument document;
    JourneyScene scene(&document);
    JourneyView view(&scene);
    view.resize(1440, 900);
    view.show();
    QApplication::processEvents();

    const bench::Stopwatch openWatch;
    document.reset(journey);
    view.showStart();
    paintFrame(view);
    const double openMs = openWatch.seconds() * 1000.0;
    std::printf("journey of %d steps, %zu connections, %zu scene items\n", steps,
        journey.connections.size(), static_cast<std::size_t>(scene.items().size()));
    std::printf("%-34s %6.2f ms\n", "open (build the scene, first frame)", openMs);

    Timings frames;
    for (int i = 0; i < 30; ++i) {
        const bench::Stopwatch watch;
        paintFrame(view);
        frames.add(watch.seconds());
    }
    print("paint a frame", frames);

    view.fitJourney();
    Timings fitFrames;
    for (int i = 0; i < 30; ++i) {
        const bench::Stopwatch watch;
        paintFrame(view);
        fitFrames.add(watch.seconds());
    }
    print("paint a frame (whole journey)", fitFrames);
    if (!savePath.empty())
        view.viewport()->grab().save(QString::fromStdString(savePath));

    // Drag a step in the middle by mouse: every move moves the card, its connections
    // follow, and a frame is painted.
    JourneyNodeItem *item = scene.nodeItem(numbered("n", steps / 2));
    view.centerOn(item);
    QApplication::processEvents();
    QWidget *viewport = view.viewport();
    const QPoint start = view.mapFromScene(item->mapToScene(QPointF(100, 35)));
    const QPointF before = item->pos();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    Timings drag;
    for (int i = 1; i <= moves; ++i) {
        const QPoint at = start + QPoint(i * 3, i * 2);
        const bench::Stopwatch watch;
        dragTo(viewport, at);

        paintFrame(view);
        drag.add(watch.seconds());
    }
    const bench::Stopwatch releaseWatch;
    QTest::mouseRelease(
        viewport, Qt::LeftButton, Qt::NoModifier, start + QPoint(moves * 3, moves * 2));
    paintFrame(view);
    print("drag a step: move + frame", drag);
    const QPointF moved = item->pos() - before;
    const QPointF model(document.journey().node(item->nodeId())->position.x,
        document.journey().node(item->nodeId())->position.y);
    std::printf("  the card moved by (%.0f, %.0f); the model has it at (%.0f, %.0f)\n", moved.x(),
        moved.y(), model.x(), model.y());
    std::printf(
        "%-34s %6.2f ms\n", "drop (one undo step) + frame", releaseWatch.seconds() * 1000.0);

    // Edit a step's settings (as the properties panel does), then undo.
    Timings edits;
    Timings undos;
    const std::string editedId = numbered("n", steps / 2 + 2);
    for (int i = 0; i < 20; ++i) {
        json config = document.journey().node(editedId)->config;
        config["label"] = numbered("Edited ", i);
        const bench::Stopwatch watch;
        document.changeConfig(editedId, config, QString());
        paintFrame(view);
        edits.add(watch.seconds());
    }
    for (int i = 0; i < 20; ++i) {
        const bench::Stopwatch watch;
        document.undoStack()->undo();
        paintFrame(view);
        undos.add(watch.seconds());
    }
    print("edit a step + validate + frame", edits);
    print("undo + frame", undos);

    const bench::Stopwatch arrangeWatch;
    scene.arrange();
    paintFrame(view);
    std::printf("%-34s %6.2f ms\n", "arrange (layout) + frame", arrangeWatch.seconds() * 1000.0);
    std::printf("peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}
