#include "demo_data.h"
// Maya and Sam: a sample couple with half a year of life in the app.
//
// Layout: the text pools first, then a DemoContext that every feature shares
// (random numbers, today, partner ids), then one static function per feature
// (couple, categories, gratitude ...). A later feature (breaks, plans,
// listening sessions) adds its pool and one add_xxx(ctx) call in
// fill_demo_data, inside the same transaction.
//
// Determinism: one std::mt19937 seeded from the caller, and our own
// uniform/shuffle helpers (the standard distributions differ between standard
// libraries), so a seed gives the same couple on every platform. Row ids are
// fresh UUIDs; everything the couple can see is reproducible.

#include "time_util.h"
#include "utf8.h"
#include "uuid.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

// The pools below are UTF-8 string literals (curly quotes, accents, emoji).
static_assert(sizeof("é") == 3, "compile with a UTF-8 execution character set (MSVC: /utf-8)");

namespace hearth {
namespace {

using namespace std::chrono;

// ---------------------------------------------------------------------------
// Text pools
// ---------------------------------------------------------------------------

// The category a line suggests. Patience is the couple's own category.
enum class Cat { none, words, care, support, time, affection, growth, patience };

struct Line {
    Cat cat;
    const char* text;
};

// Maya (a nurse on early shifts, learning Spanish, training for a 10k) about Sam.
constexpr Line kMayaToSam[] = {
    {Cat::care, "Thank you for warming up the car before my early shift — I got to sit with my coffee a bit longer instead of scraping ice."},
    {Cat::support, "Thanks for listening to me rant about the rota for twenty minutes without once trying to fix it. I just needed to be heard, and you knew."},
    {Cat::care, "You made crème brûlée for Sunday dinner just because I mentioned it once back in March. I can’t believe you remembered ♥"},
    {Cat::words, "Thank you for texting me “proud of you” before my presentation. I read it twice in the corridor and walked in taller."},
    {Cat::time, "I loved our walk along the canal on Saturday — phones in pockets, just talking about nothing. It felt like us again."},
    {Cat::care, "Thanks for taking the bins out in the rain on Tuesday so I didn’t have to go back out after my shift."},
    {Cat::patience, "When I snapped at you about the dishes, you waited until I’d calmed down and then asked what was really going on. Thank you for your patience."},
    {Cat::support, "Thank you for coming to my 10k and standing at the 8k mark with that ridiculous sign. It got me through the last stretch."},
    {Cat::affection, "You held my hand the whole time in the hospital waiting room with Mum. I didn’t have to say anything, and you didn’t need me to."},
    {Cat::time, "Thanks for booking the little café by the market for our anniversary — the window table and everything ★"},
    {Cat::words, "Thank you for telling Zoë how hard I’ve been working. Hearing you say it to someone else meant more than you know."},
    {Cat::care, "You sorted out the boiler appointment and the landlord emails without me asking. That was a whole weight off my week."},
    {Cat::growth, "Thank you for practising Spanish with me over dinner, even when my verb endings made you laugh… ¡gracias, cariño!"},
    {Cat::patience, "I appreciated you saying sorry first after Thursday’s argument. It made it so much easier for me to say sorry too."},
    {Cat::affection, "Thanks for the six-second kiss at the door this morning. I know it sounds silly, but it changed my whole commute."},
    {Cat::care, "You cooked three nights in a row while I was on nights. Coming home to a plate in the fridge with a note on it — thank you."},
    {Cat::growth, "Thank you for encouraging me to apply for the senior role. I wouldn’t have done it without you asking “why not you?”"},
    {Cat::time, "I loved that you put on our old playlist while we cleaned the kitchen. Dancing with a tea towel counts as quality time."},
    {Cat::support, "Thanks for noticing I was quiet at dinner and asking, gently, instead of assuming it was about you."},
    {Cat::affection, "You let me have the last slice of pizza and pretended you weren’t hungry. I saw straight through it, and I love you for it."},
    {Cat::care, "Thank you for fixing my bike brakes before Sunday. I felt so much safer going down the hill."},
    {Cat::support, "Thank you for sitting with me on the bathroom floor while I cried about work, and for not rushing me. 🌻"},
    {Cat::words, "Thanks for the note in my lunchbox: “You’ve got this. Also, there’s chocolate at the bottom.” There was ♥"},
    {Cat::growth, "You came with me to the climbing wall even though heights aren’t your thing. Watching you try made me so proud."},
    {Cat::care, "Thank you for handling the call with the insurance people. I know how much you hate the phone."},
    {Cat::patience, "I appreciated how patient you were teaching me to parallel park — no sighing, not even once."},
    {Cat::time, "Thanks for planning a whole Sunday with no plans: pancakes, a film, a nap. Exactly what I needed."},
    {Cat::support, "Thank you for telling me my idea for the garden was a good one, and then actually helping me dig."},
    {Cat::words, "You remembered to ask how Inès’s operation went. She was touched, and so was I."},
    {Cat::care, "Thanks for cleaning my work shoes. It’s a tiny, unglamorous thing and it made me feel looked after."},
    {Cat::affection, "Thank you for the long hug when I got home on Wednesday. You didn’t ask anything, you just held on."},
    {Cat::time, "I loved that you read the first chapter of my book club book out loud when my eyes were too tired to focus."},
    {Cat::patience, "Thank you for keeping your cool when we got lost on the way to Zoë’s. You turned it into an adventure."},
    {Cat::support, "Thanks for saying “I hear you” and meaning it when I talked about wanting to see my family more."},
    {Cat::support, "You wrote down everything the doctor said so I didn’t have to hold it all in my head. I felt less alone in that room."},
    {Cat::support, "Thank you for making room for my early nights this week without ever making me feel boring."},
    {Cat::care, "Thanks for getting up with me at 5:30 to make coffee. You didn’t have to, and you went back to bed smiling."},
    {Cat::growth, "Thank you for trying the mindfulness app with me. Ten minutes of breathing side by side was lovely."},
    {Cat::care, "You left the porch light on and the heating up for when I got back late. Coming home felt warm in every sense."},
    {Cat::patience, "Thank you for being so kind to my dad on the phone, even when he told the same story three times."},
    {Cat::growth, "I appreciated that you told me honestly you were hurt, with an “I feel” instead of a “you always”. It made it easy to listen."},
    {Cat::affection, "Thanks for the surprise flowers on a random Tuesday. Sunflowers are still my favourite."},
    {Cat::care, "Thank you for taking charge of the shopping list and the big shop this week — I didn’t have to think about food once."},
    {Cat::affection, "Thank you for making me laugh until I snorted during the washing-up. I needed that after the week I’d had."},
    {Cat::support, "You asked me three questions about my shift and really listened to the answers. That felt like being seen."},
    {Cat::growth, "Thank you for cheering so loudly about my Spanish test. 78% has never sounded so good."},
    {Cat::time, "Thanks for the picnic on the living room floor when the rain ruined our plans. Best date this month."},
    {Cat::time, "I appreciated you putting your phone in the drawer for our Sunday evening talk. It made the whole hour feel like ours."},
    {Cat::care, "Thank you for tidying the hallway before my friends came round. You knew it would help me relax."},
    {Cat::words, "Thank you for telling me you love my laugh. I’ve been thinking about it all day."},
    {Cat::patience, "You didn’t take it personally when I needed a break in the middle of our talk. Coming back half an hour later went so much better."},
    {Cat::care, "Thanks for learning to make my grandmother’s soup. The whole kitchen smelled exactly like hers."},
    {Cat::support, "Thank you for reminding me to drink water and eat something on my double shift. You’re my favourite nag ♥"},
    {Cat::time, "I loved our slow morning in bed with the crossword. Seven down was “cherish” and you grinned at me."},
    {Cat::support, "Thank you for backing me up at dinner with your parents. You didn’t make a scene; you just stood next to me."},
    {Cat::care, "Thank you for waiting up with tea when I came home from the late shift — the kitchen light on, two mugs out."},
    {Cat::care, "You noticed I’d been rubbing my shoulder and booked me a massage. I didn’t even have to mention it."},
    {Cat::words, "Thanks for writing me a proper birthday card instead of just signing your name. I’ve read it five times."},
    {Cat::growth, "Thank you for doing the budget with me without getting defensive. It felt like we were on the same team."},
    {Cat::affection, "I appreciated you coming to bed early with me even though you wanted to finish your game. It was nice to fall asleep together."},
    {Cat::patience, "Thank you for being patient with me while I worked out what I actually wanted from the weekend…"},
    {Cat::time, "Thanks for introducing me to that podcast. Our walks have had a whole new running joke ever since."},
    {Cat::affection, "Thank you for asking “what can I do to make you feel loved this week?” and then doing exactly that."},
    {Cat::support, "You stayed calm when the car broke down on the motorway and made it all feel manageable. I felt so safe with you."},
    {Cat::care, "Thanks for the smoothie on the counter after my run — and for hiding spinach in it without telling me."},
    {Cat::growth, "Thank you for trying the salsa class with me. You were terrible and brilliant and I want to go again 💃"},
    {Cat::none, "Thank you for putting my favourite song on in the car without me asking. Instant good mood."},
};

// Sam (a teacher who bakes bread and plays guitar, with a sister, Zoë) about Maya.
constexpr Line kSamToMaya[] = {
    {Cat::care, "Thank you for packing my bag for the school trip when I was panicking at midnight. You even put plasters in."},
    {Cat::support, "Thanks for sitting through all three versions of my guitar song and still saying the chorus gave you goosebumps."},
    {Cat::words, "You told me my bread looked like it came from a real bakery. It didn’t, but I’ve been proud of it all week."},
    {Cat::time, "Thank you for keeping a whole Saturday free just for us, even though you could have picked up an extra shift."},
    {Cat::patience, "I appreciated you asking for a break when our talk about money got heated — and coming back exactly when you said you would."},
    {Cat::care, "Thank you for sorting Zoë’s birthday present when I forgot. She loved the scarf, and I didn’t look like a terrible brother."},
    {Cat::affection, "Thanks for the back rub after parents’ evening. Four hours of “he’s a delight, but…” and you fixed it in ten minutes."},
    {Cat::support, "You stood next to me at Grandad’s memorial and squeezed my hand every time my voice wobbled. I couldn’t have read without you."},
    {Cat::care, "Thank you for cooking Mum’s lasagne recipe when she came to stay. She noticed, and so did I."},
    {Cat::growth, "Thanks for encouraging me to sign up for the pottery class. I made a wonky bowl and I love it."},
    {Cat::time, "I loved our café breakfast on Sunday — pain au chocolat, the big window, no phones. Just us."},
    {Cat::words, "Thank you for telling me you were proud of me after the inspection. I kept replaying it on the drive home."},
    {Cat::patience, "You didn’t say “I told you so” about the flat-pack wardrobe. You just handed me the right screw. Thank you."},
    {Cat::care, "Thanks for getting up early with me on exam day and making porridge for both of us."},
    {Cat::growth, "Thank you for reading my cover letter three times and being honest that the first version was boring."},
    {Cat::care, "I noticed you’d brought my favourite mug home after I left it at school for a week. Small thing, big smile."},
    {Cat::words, "Thank you for the “good luck” voice note before my interview — hearing your voice calmed me right down."},
    {Cat::support, "You let me talk about the football for a full twenty minutes and even asked follow-up questions. That’s love ★"},
    {Cat::affection, "Thanks for holding my hand through the scary bit of the film even though you weren’t scared at all."},
    {Cat::patience, "Thank you for being so patient when I kept losing my keys this week. You just quietly checked my coat pocket."},
    {Cat::time, "I loved that you planned our walk around the lake and packed a flask of hot chocolate. Best Sunday in ages."},
    {Cat::care, "Thank you for doing the washing-up every night this week while I was marking. I noticed every single time."},
    {Cat::support, "Thanks for saying “tell me more” instead of giving advice when I talked about my head of department. It helped so much."},
    {Cat::words, "You wrote “you’re a good teacher” on a sticky note on my laptop. It’s still there. It’s staying there."},
    {Cat::growth, "Thank you for learning the chords to our song so we could play it together. Badly, but together 🎸"},
    {Cat::affection, "Thanks for the hug before your early shift, even though you had about four minutes to spare."},
    {Cat::care, "Thank you for ringing my mum on her birthday when I was stuck on the school trip. She was over the moon."},
    {Cat::growth, "I appreciated you being honest that you felt left out when I went to the pub. You said it kindly, and I heard it."},
    {Cat::care, "Thanks for the crème brûlée — yes, the top was more charcoal than caramel, and it was still the best dessert I’ve had all year."},
    {Cat::time, "Thank you for taking me to the old cinema where your parents had their first date. I love knowing your stories."},
    {Cat::care, "You noticed I was running on empty and ordered my favourite takeaway without asking. Perfect call."},
    {Cat::patience, "Thank you for not rushing me while I worked out how I felt about moving. Your patience made room for a real answer."},
    {Cat::time, "Thanks for putting up the shelves with me. We only argued once, and we laughed about it straight after."},
    {Cat::affection, "Thank you for calling me “love” in front of your colleagues. It’s silly how happy that made me ♥"},
    {Cat::words, "I loved how you introduced me to Zoë’s new partner: “this one makes the best bread in town.” Thank you."},
    {Cat::support, "Thanks for reminding me that one bad lesson doesn’t make a bad teacher. I needed to hear that on Thursday."},
    {Cat::time, "Thank you for the quiet evening you set up — candles, slow breathing, no screens. I slept like a log."},
    {Cat::support, "You swapped shifts so you could come to the school concert. Seeing you in the third row made my night."},
    {Cat::patience, "Thank you for trying the new recipe with me even though it had coriander in it, which you hate."},
    {Cat::care, "Thanks for the tea delivered to my desk every hour while I wrote reports. You were my whole support crew."},
    {Cat::growth, "Thank you for telling me what you needed instead of waiting for me to guess. It made the evening so much easier."},
    {Cat::support, "I appreciated you asking how my day was and putting your book down to really hear the answer."},
    {Cat::time, "Thank you for the surprise picnic in the park after school — strawberries, cheese and a ridiculous hat."},
    {Cat::affection, "Thanks for holding the ladder and not laughing when I slipped off the bottom step. Well, laughing a bit."},
    {Cat::support, "Thank you for letting me vent about the parking ticket and then helping me see the funny side."},
    {Cat::affection, "You made a playlist for my long drive to Grandma’s. The third song made me call you from a lay-by."},
    {Cat::patience, "Thank you for being gentle with me when I got the date of your work party wrong… again."},
    {Cat::care, "Thanks for clearing the whole kitchen table so I could spread out my lesson plans. Tiny thing, huge help."},
    {Cat::growth, "Thank you for talking me into the 5k with you. I hated the first week and I love it now."},
    {Cat::time, "I loved that you read out the silly horoscopes over breakfast and then made up better ones for us."},
    {Cat::words, "Thank you for writing down three things you appreciated about me at our Sunday check-in. I’ve kept the list."},
    {Cat::support, "You told me my worries about Dad made sense and that you’d feel the same. That helped more than any advice."},
    {Cat::affection, "Thanks for the kiss on the forehead when you thought I was asleep. I wasn’t ♥"},
    {Cat::time, "Thank you for moving your plans with Inès so we could have a quiet night in when I was exhausted."},
    {Cat::words, "Thank you for the note you left on the fridge after I fixed the tap. We should do more of those."},
    {Cat::support, "You practised interview questions with me for an hour and played a very convincing grumpy headteacher. Thank you."},
    {Cat::patience, "Thanks for keeping calm when I burnt the risotto. You just opened a window and then a bottle of wine."},
    {Cat::growth, "Thank you for teaching me to say “te quiero” properly. I know my accent still makes you smile."},
    {Cat::time, "I appreciated you turning down that extra shift so we could keep our Sunday walk. I know it wasn’t easy."},
    {Cat::care, "Thank you for sorting the recycling and the car tax in one morning. I don’t know how you do it."},
    {Cat::support, "Thanks for sitting on the stairs with me while we waited for the vet to ring about Biscuit. Holding your hand helped."},
    {Cat::patience, "Thank you for being the first to say “let’s try again” after our argument on Friday."},
    {Cat::care, "You bought the good coffee even though it’s a bit dear, because you know Monday mornings are hard for me."},
    {Cat::affection, "Thank you for asking about my pottery and then actually eating your cereal out of the wonky bowl."},
    {Cat::time, "Thanks for the drive to the coast on a whim. Chips on the harbour wall, wind in our faces — perfect."},
    {Cat::words, "Thank you for reading the week’s appreciations out loud on Sunday. Hearing them in your voice made my week."},
    {Cat::none, "Thank you for taking Biscuit out at six so I could have a lie-in on my one free morning."},
};

// Composable appreciations: opener + act + why. Acts and whys are written to
// pair with any opener (all openers take a verb in -ing form).
constexpr const char* kOpeners[] = {
    "Thank you for ", "Thanks for ", "I really appreciated you ", "Grateful for you ", "Still smiling about you ",
    "I noticed you ",
};

constexpr Line kActs[] = {
    {Cat::care, "making the bed this morning"},
    {Cat::care, "putting the kettle on the moment I walked in"},
    {Cat::care, "picking up my prescription on your way home"},
    {Cat::words, "remembering my big meeting was today and asking how it went"},
    {Cat::care, "bringing the washing in before the rain"},
    {Cat::care, "clearing the ice off the front steps"},
    {Cat::affection, "saving me the last of the good biscuits"},
    {Cat::care, "dropping me at the station when it was pouring"},
    {Cat::care, "booking the dentist for both of us"},
    {Cat::affection, "sending me that photo of the sunset from your walk"},
    {Cat::support, "asking about my day and really listening to the answer"},
    {Cat::affection, "holding my hand all the way home"},
    {Cat::care, "watering my tomato plants while I was away"},
    {Cat::support, "sitting with me while I made that difficult phone call"},
    {Cat::care, "filling up the car before my long drive"},
    {Cat::time, "making pancakes on a weekday"},
    {Cat::care, "taking Biscuit out when I was running late"},
    {Cat::care, "finding my lost earring under the sofa"},
    {Cat::support, "reminding me to take a proper lunch break"},
    {Cat::care, "tidying the living room before I got home"},
    {Cat::affection, "tucking a hot-water bottle into my side of the bed"},
    {Cat::time, "planning our Friday night in"},
    {Cat::words, "saying something kind about my cooking"},
    {Cat::care, "ironing my shirt for the big day"},
    {Cat::patience, "staying so calm when the train was cancelled"},
    {Cat::support, "giving me a quiet hour to myself on Saturday"},
    {Cat::affection, "bringing me breakfast in bed"},
    {Cat::care, "finally fixing the wobbly table leg"},
    {Cat::words, "sending my mum a thank-you card"},
    {Cat::time, "reading next to me instead of scrolling"},
    {Cat::growth, "telling me to go for it"},
    {Cat::time, "suggesting a walk after dinner"},
    {Cat::affection, "sharing your umbrella all the way home"},
    {Cat::words, "noticing my haircut"},
    {Cat::patience, "letting me choose the film (again)"},
    {Cat::care, "conquering the laundry mountain"},
    {Cat::patience, "waiting while I finished my sentence instead of jumping in"},
    {Cat::growth, "asking me what I’d like to learn this year"},
    {Cat::support, "checking in after my hard conversation with my manager"},
    {Cat::time, "turning off the telly so we could talk"},
    {Cat::care, "making soup when I had a cold"},
    {Cat::affection, "the slow dance in the kitchen"},
};

constexpr const char* kWhys[] = {
    " — it made the morning so much calmer.",
    ". It took a real weight off my shoulders.",
    ". I noticed, and it meant a lot.",
    ". That’s exactly the kind of thing I love about you.",
    " — I felt really looked after.",
    ". It turned a grey day around.",
    ". I didn’t have to ask, and that’s what made it special.",
    " — it gave me ten extra minutes to breathe.",
    ". I went to sleep smiling.",
    ". It reminded me we’re a team.",
    ", especially on a week like this one.",
    ". Small thing, big difference ♥",
    " — I know it wasn’t convenient for you.",
    ". It felt like you were really paying attention to me.",
    ". I carried that feeling around all day.",
    " — thank you for thinking of me.",
    ". You make ordinary days feel good.",
    ". It meant I could actually enjoy my evening.",
    " — I felt seen.",
    ". I’m lucky to have you.",
};

// Quick notes, as typed on a busy day (20-60 characters).
constexpr Line kShort[] = {
    {Cat::care, "Thanks for the tea ♥"},
    {Cat::care, "Thank you for the lift this morning."},
    {Cat::affection, "That hug at the door. Thank you."},
    {Cat::care, "Thanks for doing the dishes tonight!"},
    {Cat::words, "Your message at lunch made my day."},
    {Cat::time, "Loved our walk tonight, thank you."},
    {Cat::care, "Thank you for dinner — it was delicious."},
    {Cat::patience, "Thanks for being patient with me today."},
    {Cat::support, "Thank you for listening last night."},
    {Cat::none, "You’re the best. That’s all ★"},
    {Cat::care, "Thanks for sorting the bins."},
    {Cat::time, "Thank you for a lovely Saturday."},
};

// Extra sentences that lengthen a note without changing its subject.
constexpr const char* kExtras[] = {
    "I don’t say it enough, but I see how much you do for us.",
    "It’s the kind of thing nobody else would notice, and I did.",
    "I told my friend about it at lunch and she said I was lucky. I know.",
    "Honestly, I was having a rough day, and this turned it around completely.",
    "It reminded me of our first year together, when everything felt new.",
    "I want to get better at saying these things out loud, so here it is in writing.",
    "Let’s do more of that this month — maybe Sunday?",
    "You didn’t make a fuss about it, which somehow made it mean even more.",
    "I’m still thinking about it now, hours later.",
    "Thank you for being the person who does the quiet, unglamorous things without keeping score.",
    "I know the last few weeks have been heavy for you too, so it means a lot that you still found the energy.",
    "Next time it’s my turn, I promise.",
};

constexpr std::size_t kMaxLongChars = 400;

// ---------------------------------------------------------------------------
// Shared state for every feature
// ---------------------------------------------------------------------------

constexpr const char* kOwnCategoryLabel = "Patience";

struct DemoContext {
    Model& model;
    std::mt19937 rng;
    WallTime now;
    Date today;
    std::array<std::string, 2> partner_ids;
    std::string own_category_id;

    DemoContext(Model& m, unsigned seed)
        : model(m), rng(seed), now(m.clock.now()), today(local_date(now)) {}

    // Uniform in [lo, hi], the same on every standard library.
    int uniform(int lo, int hi) {
        if (hi <= lo) return lo;
        uint64_t span = uint64_t(hi - lo) + 1;
        return lo + int((uint64_t(rng()) * span) >> 32);
    }
    bool chance(double p) { return double(rng()) < p * 4294967296.0; }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[std::size_t(uniform(0, int(i) - 1))]);
    }
    template <class T, std::size_t N>
    const T& pick(const T (&arr)[N]) { return arr[uniform(0, int(N) - 1)]; }

    std::optional<std::string> category(Cat c) const {
        switch (c) {
        case Cat::none: return std::nullopt;
        case Cat::words: return "words";
        case Cat::care: return "acts-of-care";
        case Cat::support: return "support";
        case Cat::time: return "quality-time";
        case Cat::affection: return "affection";
        case Cat::growth: return "growth";
        case Cat::patience:
            if (own_category_id.empty()) return std::nullopt;
            return own_category_id;
        }
        return std::nullopt;
    }
};

// A local time on `day`: mostly evenings, some mornings and lunchtimes, never
// in the future (today's notes were written before now).
WallTime moment_on(DemoContext& ctx, Date day, WallTime midnight, int& clamped_today) {
    int r = ctx.uniform(0, 99);
    int minute_of_day = r < 70 ? ctx.uniform(19 * 60, 22 * 60 + 50)
                      : r < 90 ? ctx.uniform(6 * 60 + 30, 8 * 60 + 45)
                               : ctx.uniform(12 * 60, 13 * 60 + 45);
    WallTime t = midnight + minutes{minute_of_day} + seconds{ctx.uniform(0, 59)} + milliseconds{ctx.uniform(0, 999)};
    if (day == ctx.today && t > ctx.now - minutes{1}) {
        // Earlier today, spaced out backwards from now.
        t = ctx.now - minutes{2 + 17 * clamped_today++} - seconds{ctx.uniform(0, 59)} - milliseconds{ctx.uniform(0, 999)};
    }
    return t;
}

// ---------------------------------------------------------------------------
// The couple and their own category
// ---------------------------------------------------------------------------

void add_couple(DemoContext& ctx) {
    auto& couple = ctx.model.couple;
    if (!couple.is_set_up()) {
        auto r = couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
        if (!r.ok()) throw std::runtime_error("Could not set up the demo couple: " + r.error);
    }
    for (int s = 0; s < 2; ++s) ctx.partner_ids[std::size_t(s)] = couple.partner(s).id;
}

void add_own_category(DemoContext& ctx) {
    auto& cats = ctx.model.categories;
    for (const auto& c : cats.all())
        if (c.label == kOwnCategoryLabel) {
            ctx.own_category_id = c.id;
            return;
        }
    auto r = cats.add(kOwnCategoryLabel);
    if (!r.ok()) throw std::runtime_error("Could not add the demo category: " + r.error);
    ctx.own_category_id = r.id;
}

// ---------------------------------------------------------------------------
// Gratitude
// ---------------------------------------------------------------------------

struct GratitudeRow {
    int from = 0;
    Date day;
    std::string text;
    std::optional<std::string> category;
    bool shared = false;
    std::string created_at;
    std::string updated_at;
};

class GratitudeWriter {
public:
    explicit GratitudeWriter(DemoContext& ctx)
        : ctx_(ctx),
          st_(ctx.model.db.prepare(
              "INSERT INTO gratitude(id, from_partner, to_partner, text, day, category_id, shared_in_review,"
              " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")) {}
    ~GratitudeWriter() { st_.reset(); }
    GratitudeWriter(const GratitudeWriter&) = delete;
    GratitudeWriter& operator=(const GratitudeWriter&) = delete;

    void write(const GratitudeRow& r, const std::string& day_text) {
        st_.reset();
        st_.bind(1, new_uuid())
            .bind(2, ctx_.partner_ids[std::size_t(r.from)])
            .bind(3, ctx_.partner_ids[std::size_t(1 - r.from)])
            .bind(4, r.text)
            .bind(5, day_text)
            .bind(6, r.category)
            .bind(7, r.shared)
            .bind(8, r.created_at)
            .bind(9, r.updated_at.empty() ? r.created_at : r.updated_at);
        st_.run();
    }

private:
    DemoContext& ctx_;
    Statement& st_;
};

const Line* pool_for(int from, std::size_t& n) {
    if (from == 0) {
        n = std::size(kMayaToSam);
        return kMayaToSam;
    }
    n = std::size(kSamToMaya);
    return kSamToMaya;
}

// A categorised line, now and then left uncategorised as people do.
std::optional<std::string> category_of(DemoContext& ctx, Cat c) {
    if (ctx.chance(0.15)) return std::nullopt;
    return ctx.category(c);
}

GratitudeRow composed(DemoContext& ctx) {
    GratitudeRow row;
    const Line& act = ctx.pick(kActs);
    row.text = std::string(ctx.pick(kOpeners)) + act.text + ctx.pick(kWhys);
    row.category = category_of(ctx, act.cat);
    return row;
}

// Texts for `n` appreciations from one partner, in the order they are written:
// every hand-written line once (when n allows; the astral ones are kept first
// so the Unicode paths always get exercised), the rest composed, never
// repeating a text in `seen`.
std::vector<GratitudeRow> demo_texts(DemoContext& ctx, int from, int n, std::set<std::string>& seen) {
    std::size_t pool_n = 0;
    const Line* pool = pool_for(from, pool_n);
    std::vector<const Line*> deck;
    for (std::size_t i = 0; i < pool_n; ++i) deck.push_back(&pool[i]);
    ctx.shuffle(deck);
    std::stable_partition(deck.begin(), deck.end(), [](const Line* l) { return has_astral(l->text); });
    if (deck.size() > std::size_t(n)) deck.resize(std::size_t(n));

    std::vector<GratitudeRow> out;
    for (const Line* l : deck) {
        GratitudeRow row;
        row.text = l->text;
        row.category = category_of(ctx, l->cat);
        seen.insert(row.text);
        out.push_back(std::move(row));
    }
    while (out.size() < std::size_t(n)) {
        GratitudeRow row = composed(ctx);
        for (int tries = 0; tries < 20 && seen.count(row.text); ++tries) row = composed(ctx);
        seen.insert(row.text);
        out.push_back(std::move(row));
    }
    ctx.shuffle(out);
    return out;
}

// 26 weeks ending today. Older weeks were mostly gone through in a weekly
// review; this week's are still waiting for Sunday.
void add_gratitude(DemoContext& ctx) {
    constexpr int kWeeks = 26;
    const Date this_monday = week_start(ctx.today);
    const int days_this_week = days_between(this_monday, ctx.today);  // 0 on a Monday

    struct Planned {
        int from;
        Date day;
        bool shared;
        WallTime review;  // when the week's review happened (if shared)
    };
    std::vector<Planned> plan;
    std::array<int, 2> per_partner{};

    for (int w = kWeeks - 1; w >= 0; --w) {
        Date monday = add_days(this_monday, -7 * w);
        std::array<int, 2> count{};
        if (w == 0) {
            count = {3, 2};  // Maya a little ahead: the dashboard invites Sam
        } else {
            count = {ctx.uniform(3, 6), ctx.uniform(3, 6)};
            if (ctx.chance(0.3)) count[std::size_t(ctx.uniform(0, 1))] = ctx.uniform(2, 3);  // a busy week for one
            if (ctx.chance(0.1)) count[std::size_t(ctx.uniform(0, 1))] = 7;                  // a generous week
        }
        bool reviewed = w == 1 || (w > 1 && ctx.chance(0.88));  // last Sunday's review happened
        WallTime review = local_midnight(add_days(monday, 6)) + hours{18} + minutes{ctx.uniform(0, 120)} +
                          seconds{ctx.uniform(0, 59)} + milliseconds{ctx.uniform(0, 999)};
        for (int from = 0; from < 2; ++from) {
            for (int k = 0; k < count[std::size_t(from)]; ++k) {
                int offset = w == 0 ? ctx.uniform(0, days_this_week) : ctx.uniform(0, 6);
                plan.push_back({from, add_days(monday, offset), reviewed && ctx.chance(0.9), review});
                ++per_partner[std::size_t(from)];
            }
        }
    }

    std::set<std::string> seen;  // no note written twice, by either partner
    std::array<std::vector<GratitudeRow>, 2> texts;
    for (int from = 0; from < 2; ++from)
        texts[std::size_t(from)] = demo_texts(ctx, from, per_partner[std::size_t(from)], seen);
    std::array<std::size_t, 2> next{};

    std::vector<GratitudeRow> rows;
    rows.reserve(plan.size());
    int clamped_today = 0;
    for (const auto& p : plan) {
        GratitudeRow row = std::move(texts[std::size_t(p.from)][next[std::size_t(p.from)]++]);
        row.from = p.from;
        row.day = p.day;
        WallTime written = moment_on(ctx, p.day, local_midnight(p.day), clamped_today);
        // Shared in the review means marked then; a note written after the
        // review (Sunday night) stays unshared.
        row.shared = p.shared && written < p.review;
        row.created_at = format_utc(written);
        row.updated_at = row.shared ? format_utc(p.review) : row.created_at;
        rows.push_back(std::move(row));
    }

    GratitudeWriter writer(ctx);
    for (const auto& r : rows) writer.write(r, format_date(r.day));
}

// One appreciation for the long history, 20-400 characters.
GratitudeRow long_history_text(DemoContext& ctx, int from) {
    int r = ctx.uniform(0, 99);
    if (r < 12) {
        const Line& l = ctx.pick(kShort);
        GratitudeRow row;
        row.text = l.text;
        row.category = category_of(ctx, l.cat);
        return row;
    }
    if (r < 42) return composed(ctx);
    std::size_t pool_n = 0;
    const Line* pool = pool_for(from, pool_n);
    const Line& l = pool[std::size_t(ctx.uniform(0, int(pool_n) - 1))];
    GratitudeRow row;
    row.text = l.text;
    row.category = category_of(ctx, l.cat);
    if (r >= 82) {
        // A longer note: the same moment, with a sentence or three more.
        std::size_t target = std::size_t(ctx.uniform(200, int(kMaxLongChars)));
        std::size_t len = codepoint_count(row.text);
        for (int tries = 0; tries < 8 && len < target; ++tries) {
            const char* extra = ctx.pick(kExtras);
            std::size_t n = codepoint_count(extra) + 1;
            if (len + n > kMaxLongChars) continue;
            row.text += ' ';
            row.text += extra;
            len += n;
        }
    }
    return row;
}

// `appreciations` entries spread evenly over `years` years ending today.
void add_long_gratitude(DemoContext& ctx, int years, int appreciations) {
    const int n = std::max(appreciations, 0);
    const int span = int(std::lround(std::max(years, 0) * 365.2425));
    const Date first = add_days(ctx.today, -span);
    const Date this_monday = week_start(ctx.today);

    GratitudeWriter writer(ctx);
    int clamped_today = 0;
    int cached_offset = -1;
    WallTime midnight{};
    std::string day_text;
    for (int i = 0; i < n; ++i) {
        // The first on `first`, the last today.
        int offset = n > 1 ? int(int64_t(i) * span / (n - 1)) : span;
        Date day = add_days(first, offset);
        if (offset != cached_offset) {
            cached_offset = offset;
            midnight = local_midnight(day);
            day_text = format_date(day);
        }
        int from = ctx.chance(0.52) ? 0 : 1;
        GratitudeRow row = long_history_text(ctx, from);
        row.from = from;
        row.day = day;
        row.shared = day < this_monday && ctx.chance(0.8);
        row.created_at = format_utc(moment_on(ctx, day, midnight, clamped_today));
        writer.write(row, day_text);
    }
}

// ---------------------------------------------------------------------------
// Conflict breaks
// ---------------------------------------------------------------------------

// What a past break was like: who called it, about what, and how it ended.
struct PastBreak {
    int weeks_ago;
    int caller;
    const char* topic;       // nullptr: no topic
    const char* topic_status;
    int planned_min;
    int taken_min;           // countdown time that ran
    const char* state;       // returned, ended_early, continued
    int back_late_min;       // minutes after the return time they came back (returned only)
};

constexpr PastBreak kPastBreaks[] = {
    {25, 1, "Spending over the holidays", "talked_through", 20, 20, "returned", 2},
    {22, 0, "Your sister staying for a whole week", "talked_through", 30, 30, "returned", 4},
    {19, 0, nullptr, "none", 20, 12, "ended_early", 0},
    {15, 1, "Who does the night feeds for the dog\xE2\x80\x99s medicine", "dismissed", 20, 20, "returned", 25},
    {11, 0, "Moving in 2027 \xE2\x80\x94 or not", "talked_through", 25, 25, "returned", 1},
    {7, 1, "Phones at dinner", "open", 20, 20, "returned", 3},
    {3, 0, "How we split the chores since my new shifts", "open", 20, 20, "continued", 0},
    {1, 1, "Saying yes to plans without asking me", "talked_through", 20, 20, "returned", 0},
};

void insert_break(DemoContext& ctx, const std::string& id, int caller, const char* topic, const char* topic_status,
                  const std::optional<std::string>& follow_up_of, int planned_min, WallTime start, const char* state,
                  std::optional<int> taken_min, std::optional<int> back_late_min) {
    const int64_t planned_ms = int64_t(planned_min) * 60'000;
    const WallTime return_at = start + std::chrono::minutes(planned_min);
    std::optional<std::string> ended_at, returned_at, topic_resolved;
    std::optional<int64_t> actual_ms;
    std::optional<int> on_time;
    if (taken_min) {
        actual_ms = int64_t(*taken_min) * 60'000;
        ended_at = format_utc(start + std::chrono::minutes(*taken_min));
    }
    if (back_late_min) {
        returned_at = format_utc(return_at + std::chrono::minutes(*back_late_min));
        on_time = *back_late_min <= 10;
    }
    if (std::string(state) == "ended_early") on_time = 1;
    if (std::string(topic_status) == "talked_through" || std::string(topic_status) == "dismissed")
        topic_resolved = format_utc(start + std::chrono::hours(26));
    const std::string started = format_utc(start);
    const std::string updated = topic_resolved ? *topic_resolved : returned_at ? *returned_at : ended_at ? *ended_at : started;
    auto& st = ctx.model.db.prepare(
        "INSERT INTO conflict_break(id, caller_partner, topic, topic_status, topic_resolved_at, follow_up_of,"
        " planned_ms, extended_ms, started_at, return_at, state, anchor_at, anchor_elapsed_ms, ended_at,"
        " actual_ms, returned_at, returned_on_time, created_at, updated_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, ?8, 0, ?11, ?12, ?13, ?14, ?8, ?15)");
    st.bind(1, id).bind(2, ctx.partner_ids[std::size_t(caller)])
        .bind(3, topic ? std::optional<std::string>(topic) : std::nullopt).bind(4, topic_status)
        .bind(5, topic_resolved).bind(6, follow_up_of).bind(7, planned_ms).bind(8, started)
        .bind(9, format_utc(return_at)).bind(10, state).bind(11, ended_at).bind(13, returned_at).bind(15, updated);
    if (actual_ms) st.bind(12, *actual_ms);
    if (on_time) st.bind(14, *on_time);
    st.run();
}

// Eight past breaks over the half year (two topics still open, one chain with
// "more time"), and one break running now, called seven minutes ago.
void add_breaks(DemoContext& ctx) {
    for (const PastBreak& b : kPastBreaks) {
        Date day = add_days(ctx.today, -7 * b.weeks_ago + ctx.uniform(-2, 2));
        WallTime start = local_midnight(day) + std::chrono::hours(20) + std::chrono::minutes(ctx.uniform(0, 90));
        if (start > ctx.now) start = ctx.now - std::chrono::hours(30);
        std::string id = new_uuid();
        bool continued = std::string(b.state) == "continued";
        insert_break(ctx, id, b.caller, b.topic, b.topic_status, std::nullopt, b.planned_min, start, b.state, b.taken_min,
                     continued || std::string(b.state) == "ended_early" ? std::nullopt : std::optional<int>(b.back_late_min));
        if (continued) {
            // Ten more minutes, asked for when the first time ran out; then they came back.
            WallTime second = start + std::chrono::minutes(b.planned_min);
            insert_break(ctx, new_uuid(), b.caller, nullptr, "none", id, 10, second, "returned", 10, 0);
        }
    }
    // Sam called one seven minutes ago: running, anchored at its start.
    const std::string topic = "Whether we host New Year\xE2\x80\x99s Eve again";
    const WallTime start = ctx.now - std::chrono::minutes(7);
    ctx.model.db
        .prepare("INSERT INTO conflict_break(id, caller_partner, topic, topic_status, planned_ms, extended_ms, started_at,"
                 " return_at, state, anchor_at, anchor_elapsed_ms, created_at, updated_at)"
                 " VALUES(?1, ?2, ?3, 'open', ?4, 0, ?5, ?6, 'running', ?5, 0, ?5, ?5)")
        .bind(1, new_uuid()).bind(2, ctx.partner_ids[1]).bind(3, topic).bind(4, int64_t(20 * 60'000))
        .bind(5, format_utc(start)).bind(6, format_utc(start + std::chrono::minutes(20))).run();
}

} // namespace

void fill_demo_data(Model& model, unsigned seed) {
    try {
        Transaction tx(model.db);
        DemoContext ctx(model, seed);
        add_couple(ctx);
        add_own_category(ctx);
        add_gratitude(ctx);
        add_breaks(ctx);
        // Later: add_plans(ctx), add_listening(ctx).
        tx.commit();
    } catch (...) {
        model.reload();  // the rollback undid what the caches may hold
        throw;
    }
    model.gratitude.invalidate();
    model.breaks.reload();
}

void fill_long_history(Model& model, int years, int appreciations, unsigned seed) {
    try {
        Transaction tx(model.db);
        DemoContext ctx(model, seed);
        add_couple(ctx);
        add_own_category(ctx);
        add_long_gratitude(ctx, years, appreciations);
        tx.commit();
    } catch (...) {
        model.reload();
        throw;
    }
    model.gratitude.invalidate();
}

} // namespace hearth
